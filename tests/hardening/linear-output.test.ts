import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintAgents } from "../../src/agents/lint/lint.js";
import { loadAgents } from "../../src/agents/load/load.js";
import { scratchDir } from "./seeds.js";

/** An agent whose one not-engage bullet redirects to `count` agents that do not exist. */
async function manyRedirects(count: number): Promise<string> {
  const dir = await scratchDir();
  const names = Array.from({ length: count }, (_, i) => `ghost-${i}`).join(", ");
  await writeFile(
    path.join(dir, "a.md"),
    `---\nname: a\ndescription: Use for a.\n---\n## When NOT to Engage\n- Other work (use ${names})\n`,
  );
  return dir;
}

describe("output grows with the input, not its square (issue 14, case 6)", () => {
  it("20,000 unknown redirect names in one bullet give one short warning", async () => {
    const dir = await manyRedirects(20_000);
    const set = await loadAgents(dir);
    const found = lintAgents(set).filter((d) => d.code === "unknown-redirect");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /"ghost-0", "ghost-1", "ghost-2", "ghost-3", "ghost-4" and 19995 more, which are not agents/,
    );
    expect(found[0]!.message.length).toBeLessThan(400);
  });

  it("a bullet with two unknown names says both in one warning", async () => {
    const dir = await manyRedirects(2);
    const [found] = lintAgents(await loadAgents(dir)).filter((d) => d.code === "unknown-redirect");
    expect(found?.message).toBe(
      '"Other work (use ghost-0, ghost-1)" redirects to "ghost-0" and "ghost-1", which are not agents in this set',
    );
  });
});
