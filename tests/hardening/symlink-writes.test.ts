import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeReports } from "../../src/report/index.js";
import { appendFileSafely, writeFileSafely } from "../../src/util/safe-write.js";
import { buildReport } from "../fixtures/eval/report.js";
import { scratchDir } from "./seeds.js";

/** A file outside the output folder that a planted link points at. */
async function victim(dir: string): Promise<string> {
  const file = path.join(dir, "victim.txt");
  await writeFile(file, "precious\n");
  return file;
}

describe("writes never follow a symlink (issue 14, case 3)", () => {
  it("eval --out: a report.md planted as a symlink is refused and its target untouched", async () => {
    const dir = await scratchDir();
    const target = await victim(dir);
    await mkdir(path.join(dir, "reports"));
    await symlink(target, path.join(dir, "reports", "report.md"));
    const report = await buildReport([{ prompt: "deploy now", expected: ["devops"] }], { devops: ["deploy"] });
    await expect(writeReports(report, path.join(dir, "reports"), ["md"])).rejects.toMatchObject({
      code: "IO",
      message: expect.stringContaining("symlink"),
    });
    expect(await readFile(target, "utf8")).toBe("precious\n");
    expect(await readdir(path.join(dir, "reports"))).toEqual(["report.md"]);
  });

  it("a tuned config (or any output) through a dangling symlink is refused, nothing created at the target", async () => {
    const dir = await scratchDir();
    await symlink(path.join(dir, "elsewhere.json"), path.join(dir, "agentroute.config.tune.json"));
    await expect(
      writeFileSafely(path.join(dir, "agentroute.config.tune.json"), "{}", { what: "tuned config" }),
    ).rejects.toMatchObject({ code: "IO" });
    expect((await readdir(dir)).sort()).toEqual(["agentroute.config.tune.json"]);
  });

  it("a log append refuses a symlinked log", async () => {
    const dir = await scratchDir();
    const target = await victim(dir);
    await symlink(target, path.join(dir, "hook.log"));
    await expect(appendFileSafely(path.join(dir, "hook.log"), "line\n", { what: "hook log" })).rejects.toMatchObject({
      code: "IO",
    });
    expect(await readFile(target, "utf8")).toBe("precious\n");
  });

  it("a plain overwrite replaces the file whole and keeps its permissions", async () => {
    const dir = await scratchDir();
    const file = path.join(dir, "out.json");
    await writeFile(file, "old", { mode: 0o600 });
    await writeFileSafely(file, "new", { what: "output" });
    expect(await readFile(file, "utf8")).toBe("new");
    expect((await import("node:fs")).statSync(file).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["out.json"]);
  });
});
