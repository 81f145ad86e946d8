import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AgentRouteError } from "../../src/errors.js";
import { detectFormat, readDataset } from "../../src/inputs/dataset.js";
import { suggestNames } from "../../src/eval/labels.js";
import { REPO_ROOT } from "../helpers/shared.js";

const agentNames = ["code-reviewer", "devops", "test-engineer", "backend-engineer"];
const fixture = (name: string) => path.join(REPO_ROOT, "tests/fixtures/eval/datasets", name);

async function writeTemp(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "agentroute-dataset-"));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function readError(name: string, content: string): Promise<AgentRouteError> {
  const file = await writeTemp(name, content);
  const err = await readDataset(file, { agentNames }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AgentRouteError);
  return err as AgentRouteError;
}

describe("readDataset", () => {
  it("reads the out-of-scope spellings of intent benchmarks as none, unless an agent has that name", async () => {
    const file = await writeTemp(
      "oos.csv",
      "prompt,expected\nwhat is 2+2,oos\nhi,OUT_OF_SCOPE\nbye,no-agent\nreview it,code-reviewer\n",
    );
    const data = await readDataset(file, { agentNames });
    expect(data.rows.map((r) => r.expected)).toEqual([[], [], [], ["code-reviewer"]]);
    const named = await readDataset(file, { agentNames: [...agentNames, "oos"] });
    expect(named.rows[0]!.expected).toEqual(["oos"]);
  });

  it("reads CSV with a BOM, CRLF, a quoted multi-line prompt, tags and normalised labels", async () => {
    const data = await readDataset(fixture("bom-crlf.csv"), { agentNames });
    expect(data.format).toBe("csv");
    expect(data.read).toBe(3);
    expect(data.skipped).toEqual([]);
    expect(data.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.rows).toEqual([
      { prompt: "Fix the flaky\nlogin test", expected: ["test-engineer"], tags: { kind: "plain" }, line: 2 },
      { prompt: "what is 2+2", expected: [], tags: { kind: "none" }, line: 4 },
      { prompt: "Review, then deploy", expected: ["code-reviewer", "devops"], tags: { kind: "multi" }, line: 5 },
    ]);
  });

  it("reads JSONL with array or piped expected, (none), tags and blank lines", async () => {
    const data = await readDataset(fixture("mixed.jsonl"), { agentNames });
    expect(data.format).toBe("jsonl");
    expect(data.rows.map((r) => [r.line, r.expected, r.tags])).toEqual([
      [1, ["test-engineer"], { kind: "plain" }],
      [3, [], { kind: "none", batch: "3" }],
      [4, ["code-reviewer", "devops"], {}],
      [5, [], {}],
    ]);
  });

  it("skips empty and duplicate prompts, counting each with its line and reason", async () => {
    const file = await writeTemp("d.csv", "prompt,expected\nfix it,devops\n  ,devops\nfix it,devops\nother,\n");
    const data = await readDataset(file, { agentNames });
    expect(data.read).toBe(4);
    expect(data.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(data.skipped).toEqual([
      { line: 3, reason: "empty prompt" },
      { line: 4, reason: "duplicate prompt (first on line 2)" },
    ]);
  });

  it.each([
    ["ragged.csv", "prompt,expected\na,devops\nb\nc,devops\n", 3, /malformed CSV/],
    ["ragged-after-multiline.csv", 'prompt,expected\n"a\nb",devops\n\nc,devops,extra\n', 5, /malformed CSV/],
    ["quote.csv", 'prompt,expected\n"never closed,devops\n', 2, /malformed CSV/],
    ["header.csv", "text,label\na,devops\n", 1, /needs "prompt" and "expected"/],
    ["dup-header.csv", "prompt,expected,Prompt\na,devops,b\n", 1, /duplicate "Prompt"/],
    ["bad.jsonl", '{"prompt": "a", "expected": []}\n{"prompt": "b", "expected": [\n', 2, /not valid JSON/],
    ["typo.jsonl", '{"prompt": "a", "expeced": []}\n', 1, /expected|expeced/],
    ["both.csv", "prompt,expected\na,none|devops\n", 2, /both "none"/],
  ])("%s fails with its line", async (name, content, line, message) => {
    const err = await readError(name, content);
    expect(err.code).toBe("DATASET_INVALID");
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
    expect(err.located).toContain(`${name}:${line}`);
  });

  it("lists every unknown label with its line and the closest agent names", async () => {
    const err = await readError("labels.csv", "prompt,expected\na,devops\nb,backend-enginer\nc,devop|qa-wizard\n");
    expect(err.code).toBe("DATASET_INVALID");
    expect(err.line).toBe(3);
    expect(err.message).toContain('line 3: "backend-enginer" (did you mean backend-engineer?)');
    expect(err.message).toContain('line 4: "devop" (did you mean devops');
    expect(err.message).toContain('line 4: "qa-wizard"');
    expect(err.message).toMatch(/3 label\(s\)/);
  });

  it("rejects a missing file and an over-long prompt with clear codes", async () => {
    const missing = (await readDataset("/nonexistent/x.csv", { agentNames }).catch(
      (e: unknown) => e,
    )) as AgentRouteError;
    expect(missing.code).toBe("NOT_FOUND");
    const err = await readError("long.csv", `prompt,expected\n${"x".repeat(100_001)},devops\n`);
    expect(err.code).toBe("LIMIT_EXCEEDED");
    expect(err.line).toBe(2);
  });
});

describe("format and suggestions", () => {
  it.each([
    ["a.csv", "{", "csv"],
    ["a.ndjson", "p,e", "jsonl"],
    ["a.txt", '\uFEFF  {"prompt": "x"}', "jsonl"],
    ["a.txt", "prompt,expected", "csv"],
  ] as const)("detectFormat(%s) = %s", (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });

  it("suggests up to three near names, nearest first, none for far-off labels", () => {
    expect(suggestNames("DevOp", agentNames)).toEqual(["devops"]);
    expect(suggestNames("zzzzzzzzzzzzzzzzz", agentNames)).toEqual([]);
  });
});
