import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeReports } from "../../src/report/index.js";
import { buildReport } from "../fixtures/eval/report.js";
import { EVAL_AGENTS, EVAL_DATASET, runBuiltCli } from "../fixtures/eval/cli.js";

const base = ["eval", "--agents", EVAL_AGENTS, "--dataset", EVAL_DATASET, "--no-embeddings"];

describe("agentroute eval: usage errors (exit 2, message and hint, no stack)", () => {
  it.each([
    [["--format", "table,pdf"], /unknown report format: pdf/, /table, md, json, junit, html, baseline/],
    [["--max-drop", "lots"], /--max-drop: expected a number between 0 and 1/, /--max-drop 0.02/],
    [["--compare-agents", "x", "--baseline", "y"], /cannot be combined/, /two commands/],
    [["--baseline", "/nonexistent/baseline.json"], /cannot read the report/, /agentroute eval/],
    [["--junit-failures", "flips"], /--junit-failures flips needs --baseline/, /baseline report/],
    [["--junit-failures", "all"], /--junit-failures: unknown value "all"/, /misroutes or flips/],
  ])("%j", async (extra, message, hint) => {
    const result = await runBuiltCli([...base, ...extra]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(hint);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("agentroute compare", () => {
  it("prints metric deltas and flipped prompts as a table or Markdown", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-compare-"));
    const rows = [
      { prompt: "deploy the app", expected: ["devops"] },
      { prompt: "review the deploy script", expected: ["code-reviewer"] },
      { prompt: "hello there", expected: [] },
    ];
    const old = await buildReport(rows, { devops: ["deploy"], "code-reviewer": ["review"] });
    const now = await buildReport(rows, { devops: ["deploy", "script"], "code-reviewer": ["zzz"] });
    const [oldFile] = await writeReports(old, path.join(dir, "old"), ["json"]);
    const [newFile] = await writeReports(now, path.join(dir, "new"), ["json"]);
    const table = await runBuiltCli(["compare", oldFile!, newFile!]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/accuracy +1\.000 +0\.667 +-0\.333 +\[/);
    expect(table.stdout).toContain(
      'right → wrong: 1\n  line 3: "review the deploy script"  expected code-reviewer: code-reviewer (0.800) → devops (0.800)',
    );
    const md = await runBuiltCli(["compare", oldFile!, newFile!, "--format", "md"]);
    expect(md.stdout).toMatch(/\| accuracy \| 1\.000 \| 0\.667 \| -0\.333 \| \[/);
    expect(md.stdout).toContain("<details><summary>Right → wrong: 1 prompt</summary>");
    const html = await runBuiltCli(["compare", oldFile!, newFile!, "--format", "html"]);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('data-kind="rightToWrong"');
    const bad = await runBuiltCli(["compare", oldFile!, newFile!, "--format", "pdf"]);
    expect(bad.code).toBe(2);
  });
});
