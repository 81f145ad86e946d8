import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadAgents } from "../../src/agents/load/load.js";
import { readConfigFile } from "../../src/classify/config.js";
import { readReport } from "../../src/eval/report-schema.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { readPromptsFile } from "../../src/inputs/prompts-file.js";
import { readDispatchDataset } from "../../src/transcripts/dispatch-eval.js";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { readRegularFile } from "../../src/util/safe-read.js";
import { scratchDir } from "./seeds.js";

const agent = (name: string) => `---\nname: ${name}\ndescription: Use PROACTIVELY for ${name} work.\n---\nBody.\n`;

/** Every reader of a user-named file, each given the same hostile path. */
const READERS: [string, (file: string) => Promise<unknown>][] = [
  ["--config", (f) => readConfigFile(f)],
  ["--baseline", (f) => readReport(f)],
  ["--dataset", (f) => readDataset(f, { agentNames: ["a"] })],
  ["--batch", (f) => readPromptsFile(f, new PassThrough())],
  ["--dispatch-log", (f) => readDispatchDataset(f, { agentNames: ["a"] })],
  ["transcripts", (f) => readDispatchLog([f])],
];

async function fifo(): Promise<string> {
  const file = path.join(await scratchDir(), "pipe.json");
  execFileSync("mkfifo", [file]);
  return file;
}

describe("readers refuse special files (issue 14, case 1)", () => {
  it.each(READERS)("%s on a FIFO is refused at once (no writer, no hang)", async (_name, read) => {
    const file = await fifo();
    await expect(read(file)).rejects.toMatchObject({
      name: "AgentRouteError",
      message: expect.stringMatching(/FIFO|regular file/),
    });
  });

  it.each(READERS)("%s on /dev/zero is refused as a device", async (_name, read) => {
    await expect(read("/dev/zero")).rejects.toMatchObject({
      name: "AgentRouteError",
      message: expect.stringMatching(/device|regular file/),
    });
  });

  it.each(READERS)(
    "%s through a symlink to /proc/self/pagemap is refused (stat size 0, endless)",
    async (_name, read) => {
      const link = path.join(await scratchDir(), "pagemap.jsonl");
      await symlink("/proc/self/pagemap", link);
      await expect(read(link)).rejects.toMatchObject({
        name: "AgentRouteError",
        message: expect.stringMatching(/pseudo-file/),
      });
    },
  );

  it("the byte cap holds while reading, whatever stat said", async () => {
    const file = path.join(await scratchDir(), "grows.txt");
    await writeFile(file, "x".repeat(5000));
    await expect(readRegularFile(file, 4096, { what: "test file", hint: "h" })).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
    });
    expect((await readRegularFile(file, 5000, { what: "test file", hint: "h" })).length).toBe(5000);
  });
});

describe("agent folders read only what is inside them (issue 14, cases 1 and 9)", () => {
  it("an agent symlinked to /proc/self/pagemap is skipped with a warning, the rest load", async () => {
    const dir = await scratchDir();
    await writeFile(path.join(dir, "ok.md"), agent("ok"));
    await symlink("/proc/self/pagemap", path.join(dir, "zz.md"));
    const set = await loadAgents(dir);
    expect(set.agents.map((a) => a.name)).toEqual(["ok"]);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ file: "zz.md", code: "symlink-outside" }));
  });

  it("a symlink to / is not walked; a link inside the folder still is", async () => {
    const dir = await scratchDir();
    await mkdir(path.join(dir, "real"));
    await writeFile(path.join(dir, "real", "inner.md"), agent("inner"));
    await symlink("/", path.join(dir, "root"));
    await symlink(path.join(dir, "real", "inner.md"), path.join(dir, "alias.md"));
    const set = await loadAgents(dir);
    expect(set.agents.map((a) => a.file).sort()).toEqual(["alias.md", "real/inner.md"]);
    expect(set.diagnostics.map((d) => [d.file, d.code])).toEqual([["root", "symlink-outside"]]);
  });

  it("a FIFO inside the folder reached through a symlink is reported, not read", async () => {
    const dir = await scratchDir();
    await writeFile(path.join(dir, "ok.md"), agent("ok"));
    execFileSync("mkfifo", [path.join(dir, "pipe")]);
    await symlink(path.join(dir, "pipe"), path.join(dir, "pipe.md"));
    const set = await loadAgents(dir);
    expect(set.agents.map((a) => a.name)).toEqual(["ok"]);
  });

  it("a transcript that is a FIFO is an error naming it, not a stack trace", async () => {
    const file = await fifo();
    await expect(readDispatchLog([file])).rejects.toMatchObject({ name: "AgentRouteError", file });
  });
});
