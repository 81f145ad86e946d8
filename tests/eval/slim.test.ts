import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/classify/config.js";
import { compareReports } from "../../src/eval/compare.js";
import { evaluateAgents } from "../../src/eval/evaluate.js";
import { checkGate } from "../../src/eval/gate.js";
import { readReport } from "../../src/eval/report-schema.js";
import type { EvalReport } from "../../src/eval/types.js";
import { writeReports } from "../../src/report/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "agentroute-slim-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example set in keyword mode (no model): the gate's own data, fast. */
function evaluateExample(threshold?: number): Promise<EvalReport> {
  return evaluateAgents({
    agentsDir: "agents",
    dataset: "datasets/example.csv",
    cwd: REPO_ROOT,
    embeddings: false,
    cacheDir: null,
    config: threshold === undefined ? undefined : resolveConfig({ threshold }),
    warn: () => {},
  });
}

describe("the slim baseline (--format baseline)", () => {
  let full: EvalReport;
  let worse: EvalReport;
  let slim: EvalReport;
  beforeAll(async () => {
    [full, worse] = await Promise.all([evaluateExample(), evaluateExample(0.5)]);
    const [file] = await writeReports(full, tmp, ["baseline"]);
    expect(path.basename(file!)).toBe("baseline.json");
    slim = await readReport(file!);
  });

  it("gates and compares exactly as the full report does, passing and failing", () => {
    const strict = { strict: true };
    expect(checkGate(slim, worse, strict).passed).toBe(false);
    expect(checkGate(slim, worse, strict)).toEqual(checkGate(full, worse, strict));
    expect(checkGate(slim, worse)).toEqual(checkGate(full, worse));
    expect(checkGate(slim, full)).toEqual(checkGate(full, full));
    expect(compareReports(slim, worse)).toEqual(compareReports(full, worse));
  });

  it("keeps every figure and is a fraction of the size", () => {
    const { cases: slimCases, ...slimRest } = slim;
    const { cases: fullCases, ...fullRest } = full;
    expect(slimRest).toEqual(fullRest);
    expect(slimCases.map((c) => [c.prompt, c.predicted, c.correct])).toEqual(
      fullCases.map((c) => [c.prompt, c.predicted, c.correct]),
    );
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(full).length / 4);
  });

  it("the committed baseline is slim and reads as a report", async () => {
    const committed = path.join(REPO_ROOT, "reports/baseline.json");
    expect(statSync(committed).size).toBeLessThan(200_000);
    const baseline = await readReport(committed);
    expect(baseline.cases.every((c) => c.ranked.length <= 1 && c.reasons.agents.length === 0)).toBe(true);
    expect(baseline.cases.length).toBe(baseline.dataset.rows);
  });
});
