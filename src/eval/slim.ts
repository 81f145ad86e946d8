import type { CaseRecord, EvalReport } from "./types.js";

/**
 * The report with what a baseline needs and nothing else: every figure, and per case the
 * prompt, labels, prediction and correctness that the gate compares and pairs by prompt.
 * Rankings are cut to the top agent (compare shows each side's confidence from its score) and
 * reasons emptied, most of a report's bytes: the gate and `compare` read nothing else of them
 * from the baseline side. Still a valid report.json.
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
    ranked: c.ranked.slice(0, 1),
    correct: c.correct,
    tags: c.tags,
    line: c.line,
    reasons: { summary: "", agents: [], threshold: c.reasons.threshold },
  };
}
