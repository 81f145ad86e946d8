import type { CaseRecord, EvalReport } from "./types.js";

/**
 * The report with what a baseline needs and nothing else: every figure, and per case the
 * prompt, labels, prediction and correctness that the gate compares and pairs by prompt.
 * Rankings and reasons (most of a report's bytes) are emptied: the gate and `compare` never
 * read them from the baseline side. Still a valid report.json (schemaVersion 1).
 *
 * @example
 * JSON.stringify(slimReport(report)).length < JSON.stringify(report).length / 5 // on real sets
 */
export function slimReport(report: EvalReport): EvalReport {
  return { ...report, cases: report.cases.map(slimCase) };
}

function slimCase(c: CaseRecord): CaseRecord {
  return {
    prompt: c.prompt,
    expected: c.expected,
    predicted: c.predicted,
    ranked: [],
    correct: c.correct,
    tags: c.tags,
    line: c.line,
    reasons: { summary: "", agents: [], threshold: c.reasons.threshold },
  };
}
