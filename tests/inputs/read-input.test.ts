import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { detectInputFormat, readInput } from "../../src/inputs/read-input.js";
import { readPromptsFile } from "../../src/inputs/prompts-file.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "agentroute-read-input-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const KIND = { what: "batch file", hint: "Check the path.", limitHint: "Split it." };

/** A stream that never ends: only a limit checked while reading can stop it. */
function endless(): Readable {
  return Readable.from(
    (function* () {
      for (;;) yield Buffer.from("one more prompt\n".repeat(64));
    })(),
  );
}

describe("readInput, the one input reader", () => {
  it("stops an endless input at the byte limit, naming it", async () => {
    const err = await readInput("-", "stdin", 4096, KIND, endless()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "LIMIT_EXCEEDED", file: "stdin", hint: "Split it." });
    expect(String((err as Error).message)).toContain("stdin: over 4096 bytes (the batch file limit)");
  });

  it("says which file is missing and what to do", async () => {
    const missing = path.join(tmp, "nope.csv");
    await expect(readInput(missing, "nope.csv", 100, KIND)).rejects.toMatchObject({
      code: "NOT_FOUND",
      file: "nope.csv",
      message: "nope.csv: cannot read the batch file (ENOENT)",
    });
    await expect(readInput(tmp, "dir", 100, KIND)).rejects.toMatchObject({
      message: "dir: the batch file is a folder, not a regular file",
    });
  });

  it("batch files go through it: prompts from stdin, by format", async () => {
    expect(await readPromptsFile("-", Readable.from(['{"prompt": "a"}\n{"prompt": "b"}\n']))).toEqual(["a", "b"]);
    const csv = path.join(tmp, "p.csv");
    writeFileSync(csv, 'id,prompt\n1,"x, y"\n');
    expect(await readPromptsFile(csv, Readable.from([]))).toEqual(["x, y"]);
  });

  it.each([
    ["a.csv", "{", "csv"],
    ["a.ndjson", "x", "jsonl"],
    ["a.txt", '\uFEFF {"prompt": 1}', "jsonl"],
    ["a.txt", "plain", "text"],
  ] as const)("detects %s (%j) as %s", (file, text, format) => {
    expect(detectInputFormat(file, text, "text")).toBe(format);
  });
});
