import { cp, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeSummary } from "../../src/eval/summary.js";
import type { EvalReport } from "../../src/eval/types.js";
import { runInProcess, tempFolder } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { parseXml } from "../report/xml-check.js";
import { EVAL_AGENTS, EVAL_DATASET, runBuiltCli } from "../fixtures/eval/cli.js";

const tmp = tempFolder("eval-e2e");
const tempDir = () => mkdtemp(path.join(tmp, "run-"));

/** `agentroute eval` of the fixture set; keyword mode unless `embeddings`. */
function evalArgs(out: string, extra: string[], embeddings = false): string[] {
  const mode = embeddings ? [] : ["--no-embeddings"];
  return ["eval", "--agents", EVAL_AGENTS, "--dataset", EVAL_DATASET, ...mode, "--out", out, ...extra];
}

/** The keyword-mode eval in this process (CI mode, from the repository root), as the built CLI answers. */
async function evalInProcess(out: string, ...extra: string[]) {
  const r = await runInProcess(evalArgs(out, extra), { cwd: REPO_ROOT, env: { ...process.env, CI: "true" } });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

async function readJson(file: string): Promise<EvalReport> {
  return JSON.parse(await readFile(file, "utf8")) as EvalReport;
}

describe("agentroute eval through the built CLI (keyword mode)", () => {
  it("writes every report format, prints the table and exits 0", async () => {
    const out = await tempDir();
    const result = await runBuiltCli(evalArgs(out, ["--format", "table,md,json,junit,html"]));
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/precision +recall +f1-score +support/);
    expect(result.stdout).toMatch(/\n +gardener +\d\.\d{3} /);
    // A header before the run and a one-line summary after it, on stderr.
    expect(result.stderr).toMatch(
      /^agentroute eval: tests\/fixtures\/eval\/agents on tests\/fixtures\/eval\/tiny\.csv, keyword-only\n/,
    );
    expect(result.stderr).toMatch(/macro F1 \d\.\d{3} · accuracy \d\.\d{3} · \d+ of 12 misrouted\n/);
    expect((await readdir(out)).sort()).toEqual(["junit.xml", "report.html", "report.json", "report.md"]);
    const report = await readJson(path.join(out, "report.json"));
    expect(report).toMatchObject({
      schemaVersion: 2,
      mode: { kind: "keyword", model: null },
      agents: { path: EVAL_AGENTS, count: 3 },
    });
    expect(report.dataset).toMatchObject({ path: EVAL_DATASET, rows: 12, read: 12 });
    expect(report.cases).toHaveLength(12);
    expect(Object.keys(report.perAgent)).toEqual(["carpenter", "chef", "gardener", "none"]);
    // Anyone can check the numbers: the summary follows from the cases alone.
    expect(computeSummary(report.cases)).toEqual(report.summary);
    // Keyword routing on these clear-cut prompts should get most of them right.
    expect(report.summary.accuracy).toBeGreaterThanOrEqual(0.5);
    const junit = parseXml(await readFile(path.join(out, "junit.xml"), "utf8"));
    expect(junit.attrs.tests).toBe("12");
  });

  it("gates on a baseline: passes against itself, fails (exit 1) listing flipped prompts when it got worse", async () => {
    const out = await tempDir();
    const first = await evalInProcess(out, "--format", "json");
    expect(first.code).toBe(0);
    const baselineFile = path.join(out, "report.json");
    const same = await evalInProcess(out, "--format", "table", "--baseline", baselineFile);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("gate: PASS");

    // A baseline that was better: every case right and higher headline figures.
    const better = await readJson(baselineFile);
    const wrong = better.cases.filter((c) => !c.correct);
    better.cases = better.cases.map((c) => ({ ...c, correct: true, predicted: c.expected }));
    better.summary = computeSummary(better.cases);
    const betterFile = path.join(out, "better.json");
    await writeFile(betterFile, JSON.stringify(better));
    const worse = await evalInProcess(
      out,
      ...["--format", "table,json,md,junit", "--baseline", betterFile, "--junit-failures", "flips"],
    );
    expect(wrong.length).toBeGreaterThan(0); // keyword routing gets some of this set wrong
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/gate: FAIL \(\d+ failures?\)/);
    expect(worse.stdout).toContain(`right → wrong: ${wrong.length}`);
    expect(worse.stdout).toContain(wrong[0]!.prompt.slice(0, 40));
    // The verdict and the flips are in the report files too.
    const gated = await readJson(path.join(out, "report.json"));
    expect(gated.gate).toMatchObject({ passed: false, baseline: { path: expect.stringMatching(/better\.json$/) } });
    expect(gated.gate?.comparison?.flipped.rightToWrong.map((f) => f.prompt).sort()).toEqual(
      wrong.map((c) => c.prompt).sort(),
    );
    const md = await readFile(path.join(out, "report.md"), "utf8");
    expect(md.split("\n")[0]).toMatch(/^## ❌ agentroute: gate FAIL · macro F1 /);
    expect(md).toContain(`Right → wrong: ${wrong.length} prompt`);
    // --junit-failures flips: the failed tests are exactly the flipped prompts.
    const junit = parseXml(await readFile(path.join(out, "junit.xml"), "utf8"));
    expect(junit.attrs.failures).toBe(String(wrong.length));
  });

  it("fails on --min-macro-f1 above what the set reaches", async () => {
    const out = await tempDir();
    const result = await evalInProcess(out, "--format", "json", "--min-macro-f1", "1");
    const report = await readJson(path.join(out, "report.json"));
    expect(result.code).toBe(report.summary.macro.f1 < 1 ? 1 : 0);
  });

  it("A/B: --compare-agents evaluates both folders and writes both reports and a comparison", async () => {
    const out = await tempDir();
    const dirB = path.join(await tempDir(), "agents-b");
    await cp(path.join(REPO_ROOT, EVAL_AGENTS), dirB, { recursive: true });
    const chef = path.join(dirB, "chef.md");
    // B drops the chef's triggers: its recall should not improve, and the comparison must say what moved.
    await writeFile(chef, (await readFile(chef, "utf8")).replace(/ Triggers on .*$/m, ""));
    const result = await evalInProcess(out, "--compare-agents", dirB, "--format", "table,md");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/compare: tests\/fixtures\/eval\/agents → .*agents-b/);
    expect(result.stdout).toMatch(/macro F1 +\d\.\d{3} +\d\.\d{3} +[+-]?\d\.\d{3}/);
    expect((await readdir(out)).sort()).toEqual([
      "comparison.html",
      "comparison.md",
      "report-a.json",
      "report-a.md",
      "report-b.json",
      "report-b.md",
    ]);
    expect(await readFile(path.join(out, "comparison.md"), "utf8")).toMatch(/^## agentroute compare: /);
    expect(await readFile(path.join(out, "comparison.html"), "utf8")).toMatch(/<h1>agentroute compare: /);
  });
});

describe("agentroute eval with embeddings", () => {
  it("runs the fixture set with the embedding model and records it", async () => {
    const out = await tempDir();
    const result = await runBuiltCli(evalArgs(out, ["--format", "json"], true));
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code, result.stderr).toBe(0);
    const report = await readJson(path.join(out, "report.json"));
    expect(report.mode.kind).toBe("embeddings");
    expect(report.mode.model).toEqual(expect.any(String));
    expect(computeSummary(report.cases)).toEqual(report.summary);
  });
});
