import { execFileSync } from "node:child_process";
import { chmod, mkdir, open, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { AGENT_LIMITS } from "../../src/agents/limits.js";
import { loadAgents } from "../../src/agents/load/load.js";
import { parseAgentFile } from "../../src/agents/parse/parse.js";
import { MAX_CONFIG_BYTES, readConfigFile } from "../../src/classify/config.js";
import { MAX_BATCH_PROMPTS, parsePromptsText } from "../../src/inputs/prompts-file.js";
import { MAX_HOOK_INPUT_BYTES, readStreamWithin } from "../../src/hook/input.js";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { DATASET_LIMITS } from "../../src/inputs/dataset-limits.js";
import { scratchDir } from "./seeds.js";

const agent = (name: string) => `---\nname: ${name}\ndescription: Use PROACTIVELY for ${name} work.\n---\nBody.\n`;

/** A file of `size` bytes that takes no disk space (a hole), to test size limits cheaply. */
async function sparseFile(file: string, size: number, start = ""): Promise<void> {
  const handle = await open(file, "w");
  await handle.write(start);
  await handle.truncate(size);
  await handle.close();
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe("agent folders under hostile input", () => {
  it("an agent file over 1 MiB is refused from its size alone (never read)", async () => {
    const dir = await scratchDir();
    await sparseFile(path.join(dir, "huge.md"), 4 * AGENT_LIMITS.maxFileBytes, "---\nname: huge\n");
    await writeFile(path.join(dir, "ok.md"), agent("ok"));
    const set = await loadAgents(dir);
    expect(set.agents.map((a) => a.name)).toEqual(["ok"]);
    expect(set.diagnostics).toContainEqual(
      expect.objectContaining({ file: "huge.md", code: "file-too-large", severity: "error" }),
    );
  });

  it("frontmatter over 64 KiB, YAML nested past 64 levels and an alias bomb are diagnostics", () => {
    const big = parseAgentFile(
      `---\nname: a\ndescription: "${"x".repeat(AGENT_LIMITS.maxFrontmatterChars)}"\n---\n`,
      "a.md",
    );
    expect(big.diagnostics.map((d) => d.code)).toEqual(["frontmatter-too-large"]);
    const deep = parseAgentFile(
      `---\nname: a\ndescription: d\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\n`,
      "a.md",
    );
    expect(deep.diagnostics.some((d) => d.severity === "error")).toBe(true);
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ..."bcdefgh"
        .split("")
        .map(
          (k, i) =>
            `${k}: &${k} [*${"abcdefg"[i]}, *${"abcdefg"[i]}, *${"abcdefg"[i]}, *${"abcdefg"[i]}, *${"abcdefg"[i]}, *${"abcdefg"[i]}]`,
        ),
    ];
    const alias = parseAgentFile(`---\nname: a\ndescription: d\n${bomb.join("\n")}\n---\n`, "a.md");
    expect(alias.diagnostics.map((d) => d.code)).toContain("yaml-too-large");
  });

  it("a symlink loop, a FIFO named like an agent and a dangling link give a bounded run", async () => {
    const dir = await scratchDir();
    await mkdir(path.join(dir, "agents"));
    await writeFile(path.join(dir, "agents/a.md"), agent("a"));
    await symlink(dir, path.join(dir, "agents/loop"));
    await symlink(path.join(dir, "x"), path.join(dir, "y"));
    await symlink(path.join(dir, "y"), path.join(dir, "x"));
    await symlink(path.join(dir, "missing.md"), path.join(dir, "dangling.md"));
    execFileSync("mkfifo", [path.join(dir, "agents/pipe.md")]);
    const { value: set, ms } = await timed(() => loadAgents(dir));
    expect(set.agents.map((a) => a.name)).toEqual(["a"]);
    expect(ms).toBeLessThan(5000);
  });

  it("an unreadable agent file is a diagnostic naming it", async (ctx) => {
    const dir = await scratchDir();
    await writeFile(path.join(dir, "secret.md"), agent("secret"));
    await chmod(path.join(dir, "secret.md"), 0o000);
    // root reads through chmod 000, so the check would test nothing there.
    if (process.getuid?.() === 0) ctx.skip("running as root: chmod 000 does not stop root reading the file");
    const set = await loadAgents(dir);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ file: "secret.md", code: "unreadable" }));
  });

  it("10,000 agent files stop at the 5,000-file limit with a diagnostic, in bounded time", async () => {
    const dir = await scratchDir();
    for (let i = 0; i < 10_000; i += 500) {
      await Promise.all(
        Array.from({ length: 500 }, (_, k) =>
          writeFile(path.join(dir, `agent-${String(i + k).padStart(5, "0")}.md`), agent(`agent-${i + k}`)),
        ),
      );
    }
    const { value: set, ms } = await timed(() => loadAgents(dir));
    expect(set.agents).toHaveLength(AGENT_LIMITS.maxFiles);
    expect(set.diagnostics).toContainEqual(expect.objectContaining({ code: "too-many-files", severity: "error" }));
    console.log(
      `[hardening] 10,000 agent files: ${AGENT_LIMITS.maxFiles} read, stopped with too-many-files in ${ms.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});

describe("datasets, configs, batches, transcripts and hook input under hostile input", () => {
  const names = ["debugger", "devops"];

  it.each([
    [
      "a dataset over 256 MiB (from its size, never read)",
      "big.csv",
      () => sparseFile,
      DATASET_LIMITS.maxBytes + 1,
      "LIMIT_EXCEEDED",
    ],
  ] as const)("%s", async (_what, name, make, size, code) => {
    const file = path.join(await scratchDir(), name);
    await make()(file, size, "prompt,expected\n");
    await expect(readDataset(file, { agentNames: names })).rejects.toMatchObject({ code, file });
  });

  it("a CSV line over 200,000 characters, a JSONL line over it, and a 100,001-character prompt name their line", async () => {
    const dir = await scratchDir();
    const long = "x".repeat(DATASET_LIMITS.maxLineChars + 1);
    await writeFile(path.join(dir, "a.csv"), `prompt,expected\nok,debugger\n${long},debugger\n`);
    await expect(readDataset(path.join(dir, "a.csv"), { agentNames: names })).rejects.toMatchObject({
      code: "DATASET_INVALID",
      line: 3,
    });
    await writeFile(path.join(dir, "a.jsonl"), `{"prompt":"ok","expected":[]}\n{"prompt":"${long}","expected":[]}\n`);
    await expect(readDataset(path.join(dir, "a.jsonl"), { agentNames: names })).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      line: 2,
    });
    await writeFile(
      path.join(dir, "b.csv"),
      `prompt,expected\n${"y".repeat(DATASET_LIMITS.maxPromptChars + 1)},debugger\n`,
    );
    await expect(readDataset(path.join(dir, "b.csv"), { agentNames: names })).rejects.toMatchObject({
      code: "LIMIT_EXCEEDED",
      line: 2,
    });
  });

  it("more than 1,000,000 dataset rows or batch prompts is LIMIT_EXCEEDED", async () => {
    const file = path.join(await scratchDir(), "rows.csv");
    await writeFile(file, `prompt,expected\n${"p,\n".repeat(DATASET_LIMITS.maxRows + 1)}`);
    await expect(readDataset(file, { agentNames: names })).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", file });
    expect(() => parsePromptsText("p\n".repeat(MAX_BATCH_PROMPTS + 1), "b.txt")).toThrow(
      expect.objectContaining({ code: "LIMIT_EXCEEDED" }),
    );
  }, 60_000);

  it("a config over the size limit is LIMIT_EXCEEDED naming the file, refused before it is read", async () => {
    const file = path.join(await scratchDir(), "agentroute.config.json");
    await writeFile(file, `{"topK": 3, "pad": "${"x".repeat(MAX_CONFIG_BYTES + 1)}"}`);
    await expect(readConfigFile(file)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", file });
  });

  it("a transcript line over the line limit is skipped and reported, the rest still read", async () => {
    const file = path.join(await scratchDir(), "s.jsonl");
    const prompt = (text: string, uuid: string) =>
      JSON.stringify({ type: "user", sessionId: "s", uuid, message: { content: text } });
    await writeFile(
      file,
      [prompt("first", "u1"), prompt("z".repeat(2_000_000), "u2"), prompt("third", "u3")].join("\n") + "\n",
    );
    const { records, stats } = await readDispatchLog([file], { maxLineBytes: 1024 * 1024 });
    expect(records.map((r) => [r.prompt, r.line])).toEqual([
      ["first", 1],
      ["third", 3],
    ]);
    expect(stats.problems).toEqual([{ file, line: 2, reason: "line longer than 1048576 bytes, skipped" }]);
    expect((await readFile(file)).length).toBeGreaterThan(2_000_000);
  });

  it("hook input over 4 MiB or never closed gives HOOK_INPUT, not a hang", async () => {
    const big = new PassThrough();
    const reading = readStreamWithin(big, 5000, MAX_HOOK_INPUT_BYTES);
    big.write(Buffer.alloc(MAX_HOOK_INPUT_BYTES + 1, 0x20));
    await expect(reading).rejects.toMatchObject({ code: "HOOK_INPUT" });
    const { ms } = await timed(() =>
      expect(readStreamWithin(new PassThrough(), 200, 1024)).rejects.toMatchObject({ code: "HOOK_INPUT" }),
    );
    expect(ms).toBeLessThan(2000);
  });
});
