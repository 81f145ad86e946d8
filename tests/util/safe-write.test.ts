import { mkdtemp, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileSafely } from "../../src/util/safe-write.js";

const what = { what: "file" };
const scratch = () => mkdtemp(path.join(os.tmpdir(), "agentroute-safe-write-"));

describe("writeFileSafely with overwrite: false", () => {
  it("creates a new file (folders too) with the given mode and says so", async () => {
    const dir = await scratch();
    const file = path.join(dir, "a", "b.csv");
    expect(await writeFileSafely(file, "x,y\n", what, { overwrite: false, mode: 0o640 })).toBe(true);
    expect(await readFile(file, "utf8")).toBe("x,y\n");
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect(await readdir(path.dirname(file))).toEqual(["b.csv"]);
  });

  it("leaves an existing file as it was, returns false and leaves no temporary file", async () => {
    const dir = await scratch();
    const file = path.join(dir, "kept.csv");
    await writeFile(file, "mine\n");
    expect(await writeFileSafely(file, "theirs\n", what, { overwrite: false })).toBe(false);
    expect(await readFile(file, "utf8")).toBe("mine\n");
    expect(await readdir(dir)).toEqual(["kept.csv"]);
  });

  it("never writes through a symlink at the name, dangling or not", async () => {
    const dir = await scratch();
    const target = path.join(dir, "victim.txt");
    await symlink(target, path.join(dir, "link.txt"));
    expect(await writeFileSafely(path.join(dir, "link.txt"), "x", what, { overwrite: false })).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(["link.txt"]);
  });
});
