import type { CaseRecord, Prf } from "./types.js";
import { NONE_LABEL, sortLabels } from "./labels.js";

/**
 * What the metrics read from a case. Everything here is recomputable from a report's `cases`.
 * Convention throughout: 0/0 is 0 (an agent never predicted has precision 0, not NaN).
 */
export type ScoredCase = Pick<CaseRecord, "expected" | "predicted" | "ranked">;

/** Counts for one class (an agent, or none). */
export interface ClassCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Expected/predicted as label sets, with [] read as the single label "none". */
export function labelSets(c: Pick<ScoredCase, "expected" | "predicted">): { expected: string[]; predicted: string[] } {
  return {
    expected: c.expected.length === 0 ? [NONE_LABEL] : c.expected,
    predicted: c.predicted.length === 0 ? [NONE_LABEL] : c.predicted,
  };
}

/**
 * Exact match: the dispatched set equals the expected set (order ignored).
 *
 * @example
 * isExactMatch({ expected: ["a", "b"], predicted: ["b", "a"] }) // true
 */
export function isExactMatch(c: Pick<ScoredCase, "expected" | "predicted">): boolean {
  if (c.expected.length !== c.predicted.length) return false;
  const expected = new Set(c.expected);
  return c.predicted.every((agent) => expected.has(agent));
}

/**
 * One-vs-rest counts per label: an agent is positive in a case when it is expected and
 * predicted when dispatched; "none" is positive when expected is [] and predicted when
 * dispatch is []. Keys in sortLabels order; `labels` adds classes that never occur.
 *
 * @example
 * countClasses([{ expected: ["a"], predicted: [], ranked: [] }])
 * // Map { "a" => {tp:0, fp:0, fn:1}, "none" => {tp:0, fp:1, fn:0} }
 */
export function countClasses(cases: readonly ScoredCase[], labels: readonly string[] = []): Map<string, ClassCounts> {
  const counts = new Map<string, ClassCounts>();
  const get = (label: string): ClassCounts => {
    let entry = counts.get(label);
    if (!entry) counts.set(label, (entry = { tp: 0, fp: 0, fn: 0 }));
    return entry;
  };
  for (const label of labels) get(label);
  for (const c of cases) {
    const { expected, predicted } = labelSets(c);
    for (const label of expected) {
      if (predicted.includes(label)) get(label).tp++;
      else get(label).fn++;
    }
    for (const label of predicted) if (!expected.includes(label)) get(label).fp++;
  }
  return new Map(sortLabels(counts.keys()).map((label) => [label, counts.get(label)!]));
}

/** a / b, with 0/0 (and x/0) defined as 0 so no NaN reaches a report. */
export function safeDivide(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * Precision, recall, F1 and support (tp + fn) of one class.
 *
 * @example
 * computePrf({ tp: 2, fp: 1, fn: 1 }) // { precision: 0.667, recall: 0.667, f1: 0.667, support: 3 } (unrounded)
 */
export function computePrf(counts: ClassCounts): Prf {
  const precision = safeDivide(counts.tp, counts.tp + counts.fp);
  const recall = safeDivide(counts.tp, counts.tp + counts.fn);
  return {
    precision,
    recall,
    f1: safeDivide(2 * precision * recall, precision + recall),
    support: counts.tp + counts.fn,
  };
}

/** Macro (unweighted mean over classes), weighted (by support) and micro (pooled counts) averages. */
export interface Averages {
  macro: Omit<Prf, "support">;
  weighted: Omit<Prf, "support">;
  micro: Omit<Prf, "support">;
}

/**
 * Averages over the classes given (the caller decides which count: eval uses every label that
 * occurs in expected or predicted, none included, like scikit-learn's default).
 *
 * @example
 * averagePrf(new Map([["a", { tp: 1, fp: 0, fn: 0 }], ["none", { tp: 0, fp: 0, fn: 1 }]])).macro.f1 // 0.5
 */
export function averagePrf(counts: ReadonlyMap<string, ClassCounts>): Averages {
  const rows = [...counts.values()].map(computePrf);
  const total = rows.reduce((sum, row) => sum + row.support, 0);
  const mean = (pick: (row: Prf) => number): number =>
    safeDivide(
      rows.reduce((sum, row) => sum + pick(row), 0),
      rows.length,
    );
  const weigh = (pick: (row: Prf) => number): number =>
    safeDivide(
      rows.reduce((sum, row) => sum + pick(row) * row.support, 0),
      total,
    );
  const pooled = [...counts.values()].reduce(
    (sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const { precision, recall, f1 } = computePrf(pooled);
  return {
    macro: { precision: mean((r) => r.precision), recall: mean((r) => r.recall), f1: mean((r) => r.f1) },
    weighted: { precision: weigh((r) => r.precision), recall: weigh((r) => r.recall), f1: weigh((r) => r.f1) },
    micro: { precision, recall, f1 },
  };
}

/**
 * Ranking quality. top-1: ranked[0] is expected; top-3: one of ranked[0..2] is; MRR: 1/rank of
 * the first expected agent in `ranked` (0 if absent). For rows expecting none, all three
 * score 1 when the router dispatched nothing and 0 otherwise (the ranking has no "none" entry).
 *
 * @example
 * computeRanking([{ expected: ["b"], predicted: ["a"], ranked: [{ agent: "a", score: 0.6 }, { agent: "b", score: 0.5 }] }])
 * // { top1: 0, top3: 1, mrr: 0.5 }
 */
export function computeRanking(cases: readonly ScoredCase[]): { top1: number; top3: number; mrr: number } {
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  for (const c of cases) {
    if (c.expected.length === 0) {
      const hit = c.predicted.length === 0 ? 1 : 0;
      top1 += hit;
      top3 += hit;
      mrr += hit;
      continue;
    }
    const rank = c.ranked.findIndex((entry) => c.expected.includes(entry.agent)) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) mrr += 1 / rank;
  }
  return {
    top1: safeDivide(top1, cases.length),
    top3: safeDivide(top3, cases.length),
    mrr: safeDivide(mrr, cases.length),
  };
}
