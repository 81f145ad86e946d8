import type { CaseRecord } from "./types.js";
import { compareNames, NONE_LABEL, sortLabels } from "./labels.js";

type LabeledCase = Pick<CaseRecord, "expected" | "predicted">;

/**
 * The one cell a case counts in, so the matrix sums to the number of cases.
 * Row: the primary expected label (expected[0], or none). Column: that same label when the
 * router dispatched it, else the router's first dispatched agent, else none. Extra agents
 * dispatched beside a right one show in per-agent precision, not here.
 *
 * @example
 * confusionCell({ expected: ["a", "b"], predicted: ["c", "a"] }) // ["a", "a"]
 * confusionCell({ expected: [], predicted: ["c"] })             // ["none", "c"]
 */
export function confusionCell(c: LabeledCase): [string, string] {
  const row = c.expected[0] ?? NONE_LABEL;
  const col = row !== NONE_LABEL && c.predicted.includes(row) ? row : (c.predicted[0] ?? NONE_LABEL);
  return [row, col];
}

/**
 * Confusion matrix (rows expected, columns predicted) over `labels` plus every label that
 * occurs, sorted by name with none last.
 *
 * @example
 * computeConfusion([{ expected: ["a"], predicted: [] }])
 * // { labels: ["a", "none"], matrix: [[0, 1], [0, 0]] }
 */
export function computeConfusion(
  cases: readonly LabeledCase[],
  labels: readonly string[] = [],
): { labels: string[]; matrix: number[][] } {
  const cells = cases.map(confusionCell);
  const all = sortLabels([...labels, ...cells.flat()]);
  const index = new Map(all.map((label, i) => [label, i]));
  const matrix = all.map(() => all.map(() => 0));
  for (const [row, col] of cells) matrix[index.get(row)!]![index.get(col)!]!++;
  return { labels: all, matrix };
}

export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
  /** The first prompt (in dataset order) in this cell. */
  example: string;
}

/**
 * Off-diagonal cells, most frequent first (ties by expected, then predicted name).
 *
 * @example
 * topConfusions(cases, 5)[0] // { expected: "debugger", predicted: "devops", count: 4, example: "…" }
 */
export function topConfusions(
  cases: readonly Pick<CaseRecord, "prompt" | "expected" | "predicted">[],
  limit = 10,
): Confusion[] {
  const pairs = new Map<string, Confusion>();
  for (const c of cases) {
    const [expected, predicted] = confusionCell(c);
    if (expected === predicted) continue;
    const key = `${expected}\u0000${predicted}`;
    const entry = pairs.get(key);
    if (entry) entry.count++;
    else pairs.set(key, { expected, predicted, count: 1, example: c.prompt });
  }
  return [...pairs.values()]
    .sort((a, b) => b.count - a.count || compareNames(a.expected, b.expected) || compareNames(a.predicted, b.predicted))
    .slice(0, limit);
}
