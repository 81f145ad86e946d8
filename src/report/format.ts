import { createColors } from "picocolors";
import { decisionConfidence } from "../eval/calibration.js";
import type { CaseRecord, EvalReport, Interval } from "../eval/types.js";

/**
 * Labels for display: names joined with "|", or "none" for [].
 *
 * @example
 * formatLabels([]) // "none"
 * formatLabels(["a", "b"]) // "a|b"
 */
export function formatLabels(labels: readonly string[]): string {
  return labels.length === 0 ? "none" : labels.join("|");
}

/**
 * A metric with a fixed number of decimals.
 *
 * @example
 * formatNumber(0.5, 3) // "0.500"
 */
export function formatNumber(x: number, digits = 3): string {
  return x.toFixed(digits);
}

/**
 * A change with its sign, 3 decimals ("n/a" for null).
 *
 * @example
 * formatSigned(0.0123) // "+0.012"
 */
export function formatSigned(x: number | null): string {
  if (x === null) return "n/a";
  const text = x.toFixed(3);
  return x > 0 && text !== "0.000" ? `+${text}` : text === "-0.000" ? "0.000" : text;
}

/**
 * A paired interval of a change.
 *
 * @example
 * formatInterval({ low: -0.02, high: 0.031 }) // "[-0.020, +0.031]"
 */
export function formatInterval(ci: Interval | null): string {
  return ci === null ? "n/a" : `[${formatSigned(ci.low)}, ${formatSigned(ci.high)}]`;
}

/** A misrouted case with the router's confidence in its (wrong) decision. */
export interface Misroute {
  case: CaseRecord;
  confidence: number;
}

/**
 * Cases the router got wrong (exact match failed), most confident first (confidently wrong is
 * the worst kind), ties in dataset order.
 *
 * @example
 * misroutedCases(report)[0].confidence // 0.91
 */
export function misroutedCases(report: EvalReport): Misroute[] {
  return report.cases
    .filter((c) => !c.correct)
    .map((c) => ({ case: c, confidence: decisionConfidence(c) }))
    .sort((a, b) => b.confidence - a.confidence || a.case.line - b.case.line);
}

/**
 * Agents by F1, worst first (ties by name), with their figures.
 *
 * @example
 * worstAgents(report)[0] // ["helper", { precision: 0.5, recall: 0.4, f1: 0.444, support: 5 }]
 */
export function worstAgents(report: EvalReport): [string, EvalReport["perAgent"][string]][] {
  return Object.entries(report.perAgent).sort(([a, x], [b, y]) => x.f1 - y.f1 || a.localeCompare(b));
}

/**
 * How the none class reads: n/a when no prompt expects none, with how many prompts the router
 * declined (from the none column of the confusion matrix).
 *
 * @example
 * describeNone(report) // { applicable: false, expected: 0, declined: 3 }
 */
export function describeNone(report: EvalReport): { applicable: boolean; expected: number; declined: number } {
  const expected = report.cases.filter((c) => c.expected.length === 0).length;
  const declined = report.cases.filter((c) => c.predicted.length === 0).length;
  return { applicable: expected > 0, expected, declined };
}

/**
 * One line about the dataset: rows used, read, skipped and the first skip reasons.
 *
 * @example
 * describeDataset(report) // "datasets/x.csv: 150 rows used of 151 read; 1 skipped (line 40: duplicate prompt (first on line 12))"
 */
export function describeDataset(report: EvalReport): string {
  const { path, rows, read, skipped } = report.dataset;
  const head = `${path}: ${rows} rows used of ${read} read`;
  if (skipped.length === 0) return head;
  const shown = skipped
    .slice(0, 3)
    .map((s) => `line ${s.line}: ${s.reason}`)
    .join("; ");
  return `${head}; ${skipped.length} skipped (${shown}${skipped.length > 3 ? "; …" : ""})`;
}

/**
 * The run's mode in words.
 *
 * @example
 * describeMode(report) // "embeddings (Xenova/all-MiniLM-L6-v2)"
 */
export function describeMode(report: EvalReport): string {
  return report.mode.kind === "embeddings" ? `embeddings (${report.mode.model ?? "unknown model"})` : "keyword-only";
}

/**
 * The one-line summary printed whatever the formats.
 *
 * @example
 * summaryLine(report) // "macro F1 0.812 · accuracy 0.790 · 17 of 74 misrouted · gate PASS"
 */
export function summaryLine(report: EvalReport, colour = false): string {
  const c = createColors(colour);
  const misrouted = report.cases.filter((x) => !x.correct).length;
  const gate = report.gate === undefined ? "" : ` · ${report.gate.passed ? c.green("gate PASS") : c.red("gate FAIL")}`;
  return `macro F1 ${formatNumber(report.summary.macro.f1)} · accuracy ${formatNumber(report.summary.accuracy)} · ${misrouted} of ${report.cases.length} misrouted${gate}`;
}

/**
 * Decimal figures in a message (the gate's failure messages carry raw values) written with
 * 3 decimals, the one number format of every report; integers are left alone.
 *
 * @example
 * withThreeDecimals("dropped 0.0469 (0.7742 → 0.64)") // "dropped 0.047 (0.774 → 0.640)"
 */
export function withThreeDecimals(message: string): string {
  return message.replace(/(?<![\w.])-?\d+\.\d+(?![\w.])/g, (x) => formatNumber(Number(x)));
}
