import { readFile, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHookAgentCache } from "../../src/hook/agent-cache.js";
import { hookAgentDirs } from "../../src/hook/dirs.js";
import { makeHookWorld } from "../helpers/hook-world.js";

let world: Awaited<ReturnType<typeof makeHookWorld>>;
let dirs: string[];
beforeEach(async () => {
  world = await makeHookWorld("agentroute-agentcache-");
  // [project agents, user agents]: the skills folders are not used here.
  dirs = hookAgentDirs(world.project, { HOME: world.home }).filter((dir) => path.basename(dir) === "agents");
});
afterEach(() => rm(world.root, { recursive: true, force: true }));

const names = (set: { agents: { name: string; description: string }[] } | null) =>
  set?.agents.map((a) => a.name) ?? null;

describe("createHookAgentCache", () => {
  it("returns the same parsed set while no agent file changed", async () => {
    const load = createHookAgentCache();
    const first = await load(world.project, { HOME: world.home });
    expect(names(first)).toEqual(["code-reviewer", "db-migrator", "docs-writer", "test-writer"]);
    expect(await load(world.project, { HOME: world.home })).toBe(first);
  });

  it("parses again after an edit, a new file and a deleted one", async () => {
    const load = createHookAgentCache();
    const first = await load(world.project, { HOME: world.home });
    const file = path.join(dirs[0]!, "test-writer.md");
    const edited = (await readFile(file, "utf8")).replace(
      /^description: .*$/m,
      "description: Writes flaky-test fixes.",
    );
    await writeFile(file, edited);
    // Same size or same second would not fool it: the change time moves on any write.
    await utimes(file, new Date(0), new Date(0));
    const second = await load(world.project, { HOME: world.home });
    expect(second).not.toBe(first);
    expect(second!.agents.find((a) => a.name === "test-writer")!.description).toBe("Writes flaky-test fixes.");
    await writeFile(path.join(dirs[1]!, "planner.md"), "---\nname: planner\ndescription: Plans work.\n---\nPlan.\n");
    expect(names(await load(world.project, { HOME: world.home }))).toContain("planner");
    await rm(path.join(dirs[0]!, "db-migrator.md"));
    expect(names(await load(world.project, { HOME: world.home }))).not.toContain("db-migrator");
  });

  it("sees a folder appear", async () => {
    const load = createHookAgentCache();
    await rm(dirs[0]!, { recursive: true });
    await rm(dirs[1]!, { recursive: true });
    expect(await load(world.project, { HOME: world.home })).toBeNull();
    await import("node:fs/promises").then((fs) => fs.mkdir(dirs[1]!, { recursive: true }));
    await writeFile(path.join(dirs[1]!, "planner.md"), "---\nname: planner\ndescription: Plans work.\n---\nPlan.\n");
    expect(names(await load(world.project, { HOME: world.home }))).toEqual(["planner"]);
  });
});
