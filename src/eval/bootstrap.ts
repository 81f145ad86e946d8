import type { Interval } from "./types.js";
import { mulberry32 } from "../util/prng.js";
import { computePrf, countClasses, isExactMatch, labelSets, safeDivide, type ScoredCase } from "./metrics.js";

export { mulberry32 };

/** Defaults: enough resamples for stable 2.5/97.5 percentiles; a fixed seed so reports repeat. */
export const BOOTSTRAP_DEFAULTS = { resamples: 1000, seed: 20250101 } as const;

/**
 * Percentile by linear interpolation between closest ranks (numpy's default).
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Each case as what it adds to the per-class counts, precomputed so a resample is cheap. */
interface CaseEffect {
  correct: number;
  /** [class index, 0 = tp | 1 = fp | 2 = fn] */
  adds: [number, number][];
}

function toEffects(cases: readonly ScoredCase[], classIndex: Map<string, number>): CaseEffect[] {
  return cases.map((c) => {
    const { expected, predicted } = labelSets(c);
    const adds: [number, number][] = [];
    for (const label of expected) adds.push([classIndex.get(label)!, predicted.includes(label) ? 0 : 2]);
    for (const label of predicted) if (!expected.includes(label)) adds.push([classIndex.get(label)!, 1]);
    return { correct: isExactMatch(c) ? 1 : 0, adds };
  });
}

/**
 * 95% percentile-bootstrap intervals for exact-match accuracy and macro-F1: resample the cases
 * with replacement `resamples` times (seeded, so deterministic). As in the point estimate, a
 * resample's macro-F1 averages over the labels occurring in it (expected or predicted).
 *
 * @example
 * bootstrapIntervals(cases).accuracy // { low: 0.78, high: 0.88 }
 */
export function bootstrapIntervals(
  cases: readonly ScoredCase[],
  options: { resamples?: number; seed?: number } = {},
): { accuracy: Interval; macroF1: Interval } {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const random = mulberry32(options.seed ?? BOOTSTRAP_DEFAULTS.seed);
  const labels = [...countClasses(cases).keys()];
  const effects = toEffects(cases, new Map(labels.map((label, i) => [label, i])));
  const n = effects.length;
  if (n === 0) return { accuracy: { low: 0, high: 0 }, macroF1: { low: 0, high: 0 } };
  const accuracies: number[] = [];
  const macroF1s: number[] = [];
  const counts = new Float64Array(labels.length * 3);
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const effect = effects[Math.floor(random() * n)]!;
      correct += effect.correct;
      for (const [cls, kind] of effect.adds) counts[cls * 3 + kind]!++;
    }
    accuracies.push(correct / n);
    let f1Sum = 0;
    let classes = 0;
    for (let k = 0; k < labels.length; k++) {
      const tp = counts[k * 3]!, fp = counts[k * 3 + 1]!, fn = counts[k * 3 + 2]!;
      if (tp + fp + fn === 0) continue;
      classes++;
      f1Sum += computePrf({ tp, fp, fn }).f1;
    }
    macroF1s.push(safeDivide(f1Sum, classes));
  }
  const interval = (values: number[]): Interval => {
    const sorted = values.sort((a, b) => a - b);
    return { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
  };
  return { accuracy: interval(accuracies), macroF1: interval(macroF1s) };
}
