import { writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeAgentBytes } from "../../src/agents/load/decode.js";
import { parseAgentFile } from "../../src/agents/parse/parse.js";
import { readConfigFile } from "../../src/classify/config.js";
import { parsePromptsText } from "../../src/inputs/prompts-file.js";
import { readDispatchDataset } from "../../src/transcripts/dispatch-eval.js";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { isAgentRouteError } from "../../src/errors.js";
import type { FuzzSeeds } from "../../fuzz/seeds.js";
import { HARMLESS, HARMLESS_NAMES, scratchDir, sharedSeeds, type HarmlessChange } from "./seeds.js";

let seeds: FuzzSeeds;
let dir: string;
beforeAll(async () => {
  seeds = await sharedSeeds();
  dir = await scratchDir();
}, 60_000);

const RUNS = { numRuns: 60, seed: 20261125 };

/** A real seed and a harmless change to it. */
const pick = (list: () => Buffer[]) =>
  fc.tuple(fc.nat(), fc.constantFrom(...HARMLESS_NAMES)).map(([i, change]) => ({ i, change, list }));

function parseAgent(bytes: Buffer) {
  const decoded = decodeAgentBytes(bytes, "a.md", 1 << 20);
  const parsed = parseAgentFile(decoded.text ?? "", "a.md");
  // The body is the file's own text after the frontmatter: only its final line break may differ.
  return {
    decodeError: decoded.diagnostic,
    ...parsed,
    agent: parsed.agent && { ...parsed.agent, body: parsed.agent.body.trimEnd() },
  };
}

async function viaFile<T>(name: string, bytes: Buffer, read: (file: string) => Promise<T>): Promise<T> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return read(file);
}

/** The result of a read, or the error it threw (code, line and message), so errors compare too. */
async function outcome<T>(read: () => Promise<T> | T): Promise<T | { error: string; line?: number; message: string }> {
  try {
    return await read();
  } catch (err) {
    if (!isAgentRouteError(err)) throw err;
    return { error: err.code, line: err.line, message: err.message };
  }
}

/** Checks that `read` gives the same result or error (line numbers included) before and after each change. */
async function checkHarmless<T>(
  list: () => Buffer[],
  read: (bytes: Buffer) => Promise<T> | T,
  normal: (x: T) => unknown = (x) => x,
) {
  await fc.assert(
    fc.asyncProperty(pick(list), async ({ i, change }: { i: number; change: HarmlessChange }) => {
      const original = list()[i % list().length]!;
      const before = await outcome(async () => normal(await read(original)));
      const after = await outcome(async () => normal(await read(HARMLESS[change](original))));
      expect(after).toEqual(before);
    }),
    RUNS,
  );
}

describe("a valid input reads the same after a harmless change (CRLF, BOM, trailing newline)", () => {
  it("agent files", async () => {
    let parsed = 0;
    await checkHarmless(
      () => seeds.agentFiles,
      (b) => {
        const result = parseAgent(b);
        if (result.agent) parsed++;
        return result;
      },
    );
    expect(parsed).toBeGreaterThan(60);
  });

  it("CSV datasets", async () => {
    const read = (b: Buffer) =>
      viaFile("d.csv", b, (f) => readDataset(f, { agentNames: seeds.agentNames, label: "d.csv" }));
    // Every real dataset is valid, or the property compares two identical errors.
    for (const bytes of seeds.csvDatasets) expect((await read(bytes)).rows.length).toBeGreaterThan(10);
    await checkHarmless(
      () => seeds.csvDatasets,
      read,
      (d) => ({ ...d, hash: "" }),
    );
  });

  it("JSONL datasets", async () => {
    const read = (b: Buffer) =>
      viaFile("d.jsonl", b, (f) => readDataset(f, { agentNames: seeds.agentNames, label: "d.jsonl" }));
    await checkHarmless(
      () => seeds.jsonlDatasets,
      read,
      (d) => ({ ...d, hash: "" }),
    );
  });

  it("batch prompt files (text and CSV)", async () => {
    await checkHarmless(
      () => seeds.promptFiles,
      (b) => [parsePromptsText(b.toString("utf8"), "p.txt"), parsePromptsText(b.toString("utf8"), "p.csv")],
    );
  });

  it("router config files", async () => {
    await checkHarmless(
      () => seeds.configs,
      (b) => viaFile("c.json", b, readConfigFile),
    );
  });

  it("Claude Code transcripts", async () => {
    const read = (b: Buffer) => viaFile("s.jsonl", b, (f) => readDispatchLog([f]));
    for (const bytes of seeds.transcripts) expect((await read(bytes)).stats.lines).toBeGreaterThan(0);
    await checkHarmless(() => seeds.transcripts, read);
  });

  it("dispatch logs", async () => {
    const read = (b: Buffer) => viaFile("l.jsonl", b, (f) => readDispatchDataset(f, { agentNames: seeds.agentNames }));
    await checkHarmless(
      () => seeds.dispatchLogs,
      read,
      (d) => ({ ...d, dataset: { ...d.dataset, hash: "" } }),
    );
  });
});
