import type { CaseRecord, EvalReport } from "../eval/types.js";

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

/** Cases the router got wrong (exact match failed), in dataset order. */
export function misroutedCases(report: EvalReport): CaseRecord[] {
  return report.cases.filter((c) => !c.correct);
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
