import { bootstrapDelta } from "../eval/bootstrap.js";
import { averagePrf, countClasses, isExactMatch, type ScoredCase } from "../eval/metrics.js";
import type { Interval } from "../eval/types.js";
import { roundTo } from "../util/numbers.js";
import { meanSd, type FoldScore, type MeanSd } from "./cross-validate.js";

/** A candidate's held-out figures against the defaults on the same rows, and whether it may replace them. */
export interface Verdict {
  name: string;
  description: string;
  /** Fold by fold, on the rows each fold held out. */
  folds: FoldScore[];
  accuracy: MeanSd;
  macroF1: MeanSd;
  /** Paired against the defaults: mean of the fold differences, folds where it rose, bootstrap interval over the rows. */
  delta: { mean: number; foldsUp: number; folds: number; interval: Interval };
  wins: boolean;
  /** Why it wins or not, in words. */
  why: string;
}

/** Labeled rows and their out-of-fold predictions as case records (agent names, "none" as []). */
export function toCases(
  agents: readonly string[],
  expected: readonly (readonly number[])[],
  predicted: readonly (readonly number[])[],
): ScoredCase[] {
  return expected.map((e, i) => ({
    expected: e.map((a) => agents[a]!),
    predicted: predicted[i]!.map((a) => agents[a]!),
    ranked: [],
  }));
}

/** Exact-match accuracy and macro-F1 (none included): what eval reports. */
export function scoreCases(cases: readonly ScoredCase[]): FoldScore {
  return {
    accuracy: cases.filter(isExactMatch).length / Math.max(cases.length, 1),
    macroF1: averagePrf(countClasses(cases)).macro.f1,
  };
}

/** The scores of each fold's rows. */
export function foldScores(cases: readonly ScoredCase[], folds: readonly number[]): FoldScore[] {
  const k = folds.reduce((a, b) => Math.max(a, b), -1) + 1;
  return Array.from({ length: k }, (_, f) => scoreCases(cases.filter((_, i) => folds[i] === f)));
}

/**
 * Judges a candidate's out-of-fold cases against the defaults' on the same rows. It wins only
 * when its macro-F1 rose on most folds (more than half) AND the paired bootstrap interval of
 * the change excludes 0: on small data a gain on one fold, or a mean carried by one prompt,
 * is noise.
 *
 * @example
 * judge({ name: "threshold", description: "…" }, cases, defaultsCases, folds).why
 * // "rose on 1/5 folds (needs 3); interval [-0.050, 0.120] includes 0"
 */
export function judge(
  candidate: { name: string; description: string },
  cases: readonly ScoredCase[],
  base: readonly ScoredCase[],
  folds: readonly number[],
): Verdict {
  const own = foldScores(cases, folds);
  const theirs = foldScores(base, folds);
  const deltas = own.map((f, i) => f.macroF1 - theirs[i]!.macroF1);
  const foldsUp = deltas.filter((d) => d > 1e-9).length;
  const interval = bootstrapDelta(base, cases).macroF1;
  const mean = deltas.reduce((s, d) => s + d, 0) / Math.max(deltas.length, 1);
  const most = Math.floor(own.length / 2) + 1;
  const range = `[${interval.low.toFixed(3)}, ${interval.high.toFixed(3)}]`;
  const reasons: string[] = [];
  if (foldsUp < most) reasons.push(`rose on ${foldsUp}/${own.length} folds (needs ${most})`);
  if (interval.low <= 0) reasons.push(`paired 95% interval ${range} includes 0`);
  const wins = reasons.length === 0;
  return {
    ...candidate,
    folds: own,
    accuracy: meanSd(own.map((f) => f.accuracy)),
    macroF1: meanSd(own.map((f) => f.macroF1)),
    delta: {
      mean: roundTo(mean, 4),
      foldsUp,
      folds: own.length,
      interval: { low: roundTo(interval.low, 4), high: roundTo(interval.high, 4) },
    },
    wins,
    why: wins ? `rose on ${foldsUp}/${own.length} folds; paired 95% interval ${range} excludes 0` : reasons.join("; "),
  };
}

/** The winner with the largest mean gain (ties: the earlier, simpler one), or null: keep the defaults. */
export function pickWinner(verdicts: readonly Verdict[]): Verdict | null {
  let best: Verdict | null = null;
  for (const v of verdicts) if (v.wins && (best === null || v.delta.mean > best.delta.mean + 1e-9)) best = v;
  return best;
}
