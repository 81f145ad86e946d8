import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/inputs/dataset.js";
import { checkGate } from "../../src/eval/gate.js";
import { compareReports } from "../../src/eval/compare.js";
import { readReport } from "../../src/eval/report-schema.js";
import { runEval } from "../../src/eval/run.js";
import { computeSummary } from "../../src/eval/summary.js";
import { writeReports } from "../../src/report/index.js";
import type { EvalReport } from "../../src/eval/types.js";
import { createWordRouter } from "../fixtures/eval/cases.js";

const CSV = `prompt,expected,kind
the build pipeline is red,devops,plain
deploy to staging,devops,plain
review my pull request,code-reviewer,plain
the test suite is flaky,test-engineer,plain
review the deploy script,code-reviewer|devops,multi
what time is it,,none
write a poem about tests,,trap
`;

const words = { "code-reviewer": ["review"], devops: ["deploy", "pipeline"], "test-engineer": ["test"] };

async function setup(
  words_: Record<string, string[]> = words,
  csv = CSV,
): Promise<{ report: EvalReport; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "agentroute-run-"));
  const file = path.join(dir, "d.csv");
  await writeFile(file, csv);
  const router = createWordRouter(words_);
  const dataset = await readDataset(file, { agentNames: router.agentNames });
  const report = await runEval(router, dataset, {
    agents: { path: "agents", count: router.agentNames.length, hash: "h" },
    config: { threshold: 0.5 },
    now: () => new Date("2026-01-01T00:00:00Z"),
  });
  return { report, dir };
}

describe("runEval", () => {
  it("builds cases in dataset order with one batched routeMany call", async () => {
    const router = createWordRouter(words);
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-run-"));
    await writeFile(path.join(dir, "d.csv"), CSV);
    const dataset = await readDataset(path.join(dir, "d.csv"), { agentNames: router.agentNames });
    const progress: number[] = [];
    const report = await runEval(router, dataset, {
      agents: { path: "a", count: 3, hash: "h" },
      config: {},
      onProgress: (d) => progress.push(d),
    });
    expect(router.calls).toBe(1);
    expect(progress.at(-1)).toBe(7);
    expect(report.cases.map((c) => [c.line, c.predicted, c.correct])).toEqual([
      [2, ["devops"], true],
      [3, ["devops"], true],
      [4, ["code-reviewer"], true],
      [5, ["test-engineer"], true],
      [6, ["code-reviewer"], false],
      [7, [], true],
      [8, ["test-engineer"], false],
    ]);
  });

  it("reports every agent plus none, the confusion matrix, tags and metadata", async () => {
    const { report } = await setup();
    expect(report.schemaVersion).toBe(2);
    expect(report.tool.name).toBe("agentroute");
    expect(report.createdAt).toBe("2026-01-01T00:00:00.000Z");
    expect(report.mode).toEqual({ kind: "keyword", model: null });
    expect(Object.keys(report.perAgent)).toEqual(["code-reviewer", "devops", "test-engineer", "none"]);
    expect(report.confusion.labels).toEqual(["code-reviewer", "devops", "test-engineer", "none"]);
    expect(report.confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(7);
    expect(report.byTag.kind).toMatchObject({
      plain: { rows: 4, accuracy: 1 },
      multi: { rows: 1, accuracy: 0 },
      trap: { rows: 1, accuracy: 0 },
    });
    expect(report.dataset).toMatchObject({ rows: 7, read: 7, skipped: [] });
    expect(report.calibration.bins).toHaveLength(10);
  });

  it("writes a report.json whose summary anyone can recompute from its cases", async () => {
    const { report, dir } = await setup();
    const [file] = await writeReports(report, path.join(dir, "out"), ["json"]);
    const back = await readReport(file!);
    expect(back).toEqual(report);
    expect(computeSummary(back.cases)).toEqual(back.summary);
  });
});

describe("checkGate and compareReports", () => {
  it("passes against itself with nothing flipped", async () => {
    const { report } = await setup();
    expect(checkGate(report, report)).toEqual({
      passed: true,
      failures: [],
      notes: [],
      flipped: { rightToWrong: [], wrongToRight: [], wrongToWrong: [] },
    });
  });

  it("fails when routing degrades, listing the prompts that flipped right to wrong", async () => {
    const { report: baseline } = await setup();
    const { report: worse } = await setup({
      "code-reviewer": ["review"],
      devops: ["deploy"],
      "test-engineer": ["test", "pipeline"],
    });
    const gate = checkGate(baseline, worse, { maxDrop: 0.02, strict: true });
    expect(gate.passed).toBe(false);
    expect(gate.failures.map((f) => f.metric)).toEqual(expect.arrayContaining(["macro F1", "accuracy", "F1 devops"]));
    expect(gate.failures.find((f) => f.metric === "accuracy")?.message).toMatch(/95% CI/);
    expect(gate.flipped.rightToWrong.map((f) => f.prompt)).toEqual(["the build pipeline is red"]);
    expect(gate.flipped.rightToWrong[0]).toMatchObject({
      before: ["devops"],
      after: ["test-engineer"],
      expected: ["devops"],
    });
    expect(gate.flipped.wrongToRight).toEqual([]);
    // A generous tolerance lets the same drop through; the floor still applies.
    expect(checkGate(baseline, worse, { maxDrop: 0.5 }).passed).toBe(true);
    const strict = { maxDrop: 0.5, maxAgentDrop: 0.01, strict: true };
    expect(checkGate(baseline, worse, strict).failures.map((f) => f.metric)).toContain("F1 devops");
    expect(checkGate(baseline, worse, { maxDrop: 0.5, minMacroF1: 0.99 }).failures.map((f) => f.metric)).toEqual([
      "macro F1 floor",
    ]);
  });

  it("by default lets an agent's F1 drop through when its paired interval includes 0, saying so", async () => {
    const { report: baseline } = await setup();
    const { report: worse } = await setup({
      "code-reviewer": ["review"],
      devops: ["deploy"],
      "test-engineer": ["test", "pipeline"],
    });
    const devops = compareReports(baseline, worse).agents.find((a) => a.agent === "devops")!;
    expect(devops.ci!.high).toBeGreaterThanOrEqual(0);
    const gate = checkGate(baseline, worse, { maxDrop: 0.5, maxAgentDrop: 0.01 });
    expect(gate.failures).toEqual([]);
    expect(gate.notes.join("\n")).toMatch(/F1 of devops dropped .* includes 0: the drop may be noise.*not a failure/);
  });

  it("fails an agent's F1 drop whose paired interval excludes 0, also by default", async () => {
    const deploys = Array.from({ length: 12 }, (_, i) => `deploy service ${i},devops,plain`).join("\n");
    const csv = `${CSV}${deploys}\n`;
    const { report: baseline } = await setup(words, csv);
    const { report: worse } = await setup({ ...words, devops: ["pipeline"] }, csv);
    const devops = compareReports(baseline, worse).agents.find((a) => a.agent === "devops")!;
    expect(devops.ci!.high).toBeLessThan(0);
    const gate = checkGate(baseline, worse, { maxDrop: 0.9, maxAgentDrop: 0.01 });
    expect(gate.failures.map((f) => f.metric)).toEqual(["F1 devops"]);
    expect(gate.failures[0]!.message).toMatch(/a real drop, beyond noise/);
  });

  it("reports an agent missing from the current run as a failure and a new one as a note", async () => {
    const { report: baseline } = await setup();
    const renamed = structuredClone(baseline);
    renamed.perAgent["qa-engineer"] = renamed.perAgent["test-engineer"]!;
    delete renamed.perAgent["test-engineer"];
    const gate = checkGate(baseline, renamed, { maxDrop: 1 });
    expect(gate.failures.map((f) => f.metric)).toEqual(["F1 test-engineer"]);
    expect(gate.notes.join("\n")).toContain("agent qa-engineer is new");
    renamed.mode = { kind: "embeddings", model: "m" };
    expect(checkGate(baseline, renamed, { maxDrop: 1 }).notes.join("\n")).toContain(
      "the baseline ran in keyword mode, this run in embeddings (m)",
    );
  });

  it("compares metrics A → B with signed deltas", async () => {
    const { report: a } = await setup();
    const { report: b } = await setup({
      "code-reviewer": ["review"],
      devops: ["deploy"],
      "test-engineer": ["test", "pipeline"],
    });
    const diff = compareReports(a, b);
    const accuracy = diff.metrics.find((m) => m.metric === "accuracy")!;
    expect(accuracy.delta).toBeCloseTo(b.summary.accuracy - a.summary.accuracy, 4);
    expect(accuracy.delta).toBeLessThan(0);
    expect(diff.sameDataset).toBe(true);
    const devops = diff.agents.find((x) => x.agent === "devops")!;
    expect(devops.delta).toBeLessThan(0);
    expect(devops.ci!.low).toBeLessThanOrEqual(devops.delta!);
    expect(devops.ci!.high).toBeLessThanOrEqual(0);
    expect(diff.deltaCi).toMatchObject({ pairs: 7, resamples: 1000 });
  });
});
