import type { Interval } from "./types.js";
import { mulberry32 } from "../util/prng.js";
import { percentile } from "../util/numbers.js";
import { sortLabels } from "./labels.js";
import { computePrf, countClasses, isExactMatch, labelSets, safeDivide, type ScoredCase } from "./metrics.js";

export { mulberry32, percentile };

/** Defaults: enough resamples for stable 2.5/97.5 percentiles; a fixed seed so reports repeat. */
export const BOOTSTRAP_DEFAULTS = { resamples: 1000, seed: 20250101 } as const;

/** Each case as what it adds to the per-class counts, precomputed so a resample is cheap. */
interface CaseEffect {
  correct: number;
  /** [class index, 0 = tp | 1 = fp | 2 = fn] */
  adds: [number, number][];
}

/** Cases ready for resampling, with a reusable count buffer. */
interface Prepared {
  effects: CaseEffect[];
  classes: number;
  counts: Float64Array;
  /** F1 per class of the last scored draw. */
  f1: Float64Array;
}

function prepare(cases: readonly ScoredCase[], labels = [...countClasses(cases).keys()]): Prepared {
  const classIndex = new Map(labels.map((label, i) => [label, i]));
  const effects = cases.map((c) => {
    const { expected, predicted } = labelSets(c);
    const adds: [number, number][] = [];
    for (const label of expected) adds.push([classIndex.get(label)!, predicted.includes(label) ? 0 : 2]);
    for (const label of predicted) if (!expected.includes(label)) adds.push([classIndex.get(label)!, 1]);
    return { correct: isExactMatch(c) ? 1 : 0, adds };
  });
  return {
    effects,
    classes: labels.length,
    counts: new Float64Array(labels.length * 3),
    f1: new Float64Array(labels.length),
  };
}

/** Accuracy and macro-F1 of one resample (case indices); macro over the labels occurring in it. */
function scoreDraw(p: Prepared, draw: Uint32Array): { accuracy: number; macroF1: number } {
  p.counts.fill(0);
  let correct = 0;
  for (const i of draw) {
    const effect = p.effects[i]!;
    correct += effect.correct;
    for (const [cls, kind] of effect.adds) p.counts[cls * 3 + kind]!++;
  }
  let f1Sum = 0;
  let classes = 0;
  for (let k = 0; k < p.classes; k++) {
    const tp = p.counts[k * 3]!,
      fp = p.counts[k * 3 + 1]!,
      fn = p.counts[k * 3 + 2]!;
    p.f1[k] = 0;
    if (tp + fp + fn === 0) continue;
    classes++;
    p.f1[k] = computePrf({ tp, fp, fn }).f1;
    f1Sum += p.f1[k]!;
  }
  return { accuracy: safeDivide(correct, draw.length), macroF1: safeDivide(f1Sum, classes) };
}

/** Runs `resamples` seeded draws of n indices and collects what `score` returns for each. */
function resample(
  n: number,
  options: { resamples?: number; seed?: number },
  score: (draw: Uint32Array) => { accuracy: number; macroF1: number },
) {
  const random = mulberry32(options.seed ?? BOOTSTRAP_DEFAULTS.seed);
  const accuracy: number[] = [];
  const macroF1: number[] = [];
  const draw = new Uint32Array(n);
  for (let r = 0; r < (options.resamples ?? BOOTSTRAP_DEFAULTS.resamples); r++) {
    for (let i = 0; i < n; i++) draw[i] = Math.floor(random() * n);
    const s = score(draw);
    accuracy.push(s.accuracy);
    macroF1.push(s.macroF1);
  }
  return { accuracy: interval95(accuracy), macroF1: interval95(macroF1) };
}

function interval95(values: number[]): Interval {
  if (values.length === 0) return { low: 0, high: 0 };
  const sorted = values.sort((a, b) => a - b);
  return { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
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
  if (cases.length === 0) return { accuracy: { low: 0, high: 0 }, macroF1: { low: 0, high: 0 } };
  const prepared = prepare(cases);
  return resample(cases.length, options, (draw) => scoreDraw(prepared, draw));
}

/**
 * Paired bootstrap of the change B - A in accuracy, macro-F1 and each label's F1 over the same
 * prompts (`a[i]` and `b[i]` are one prompt routed by two routers): each resample draws the
 * same prompts for both sides, so the interval reflects the routing change, not which prompts
 * happened to be drawn. An interval that excludes 0 is a change beyond noise.
 *
 * @example
 * bootstrapDelta(old.cases, now.cases).macroF1 // { low: -0.061, high: -0.012 }: a real drop
 */
export function bootstrapDelta(
  a: readonly ScoredCase[],
  b: readonly ScoredCase[],
  options: { resamples?: number; seed?: number } = {},
): { accuracy: Interval; macroF1: Interval; perLabel: Record<string, Interval> } {
  if (a.length !== b.length)
    throw new RangeError("bootstrapDelta: both sides need the same prompts, in the same order");
  if (a.length === 0) return { accuracy: { low: 0, high: 0 }, macroF1: { low: 0, high: 0 }, perLabel: {} };
  const labels = sortLabels([...countClasses(a).keys(), ...countClasses(b).keys()]);
  const pa = prepare(a, labels);
  const pb = prepare(b, labels);
  const perLabel = labels.map((): number[] => []);
  const overall = resample(a.length, options, (draw) => {
    const sa = scoreDraw(pa, draw);
    const sb = scoreDraw(pb, draw);
    for (let k = 0; k < labels.length; k++) perLabel[k]!.push(pb.f1[k]! - pa.f1[k]!);
    return { accuracy: sb.accuracy - sa.accuracy, macroF1: sb.macroF1 - sa.macroF1 };
  });
  return { ...overall, perLabel: Object.fromEntries(labels.map((label, k) => [label, interval95(perLabel[k]!)])) };
}
