import { roundTo } from "../util/numbers.js";
import type { CaseRecord, Prf, Summary } from "./types.js";
import { BOOTSTRAP_DEFAULTS, bootstrapIntervals } from "./bootstrap.js";
import { computeCalibration } from "./calibration.js";
import { NONE_LABEL } from "./labels.js";
import {
  averagePrf,
  computePrf,
  computeRanking,
  countClasses,
  isExactMatch,
  safeDivide,
  type ScoredCase,
} from "./metrics.js";

/**
 * Rounds to 4 decimals, the precision reports carry (and recomputation reproduces exactly).
 *
 * @example
 * round4(2 / 3) // 0.6667
 */
export function round4(x: number): number {
  return roundTo(x, 4);
}

function roundPrf<T extends Partial<Prf>>(prf: T): T {
  const out = { ...prf };
  for (const key of ["precision", "recall", "f1"] as const) if (out[key] !== undefined) out[key] = round4(out[key]);
  return out;
}

/**
 * The report's summary, computed from the cases alone (so anyone can check a report.json).
 * Macro, weighted and micro averages run over every label that occurs in expected or
 * predicted, with "none" as a class like the agents; 0/0 counts as 0.
 *
 * @example
 * computeSummary(report.cases) // deep-equals report.summary
 */
export function computeSummary(
  cases: readonly ScoredCase[],
  options: { resamples?: number; seed?: number } = {},
): Summary {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const counts = countClasses(cases);
  const averages = averagePrf(counts);
  const none = computePrf(counts.get(NONE_LABEL) ?? { tp: 0, fp: 0, fn: 0 });
  const ranking = computeRanking(cases);
  const ci = bootstrapIntervals(cases, { resamples, seed });
  const round = (i: { low: number; high: number }) => ({ low: round4(i.low), high: round4(i.high) });
  return {
    accuracy: round4(safeDivide(cases.filter(isExactMatch).length, cases.length)),
    macro: roundPrf(averages.macro),
    micro: roundPrf(averages.micro),
    weighted: roundPrf(averages.weighted),
    none: roundPrf(none),
    top1: round4(ranking.top1),
    top3: round4(ranking.top3),
    mrr: round4(ranking.mrr),
    ece: round4(computeCalibration(cases).ece),
    ci: { accuracy: round(ci.accuracy), macroF1: round(ci.macroF1), resamples, seed },
  };
}

/**
 * Precision/recall/F1/support of every agent in the set (zeros for agents that never occur)
 * and of "none", sorted by name with none last.
 *
 * @example
 * computePerAgent(cases, ["a", "b"]) // { a: {...}, b: {...}, none: {...} }
 */
export function computePerAgent(cases: readonly ScoredCase[], agentNames: readonly string[]): Record<string, Prf> {
  const counts = countClasses(cases, [...agentNames, NONE_LABEL]);
  return Object.fromEntries([...counts].map(([label, c]) => [label, roundPrf(computePrf(c))]));
}

/**
 * Rows, accuracy and macro-F1 for each value of each tag (e.g. kind=paraphrase), keys sorted.
 * Macro-F1 of a group runs over the labels that occur in that group.
 *
 * @example
 * computeByTag(cases).kind!.paraphrase // { rows: 30, accuracy: 0.7, macroF1: 0.65 }
 */
export function computeByTag(
  cases: readonly (ScoredCase & Pick<CaseRecord, "tags">)[],
): Record<string, Record<string, { rows: number; accuracy: number; macroF1: number }>> {
  const groups = new Map<string, Map<string, ScoredCase[]>>();
  for (const c of cases) {
    for (const [tag, value] of Object.entries(c.tags)) {
      if (!groups.has(tag)) groups.set(tag, new Map());
      const byValue = groups.get(tag)!;
      if (!byValue.has(value)) byValue.set(value, []);
      byValue.get(value)!.push(c);
    }
  }
  const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    sorted(groups).map(([tag, byValue]) => [
      tag,
      Object.fromEntries(
        sorted(byValue).map(([value, group]) => [
          value,
          {
            rows: group.length,
            accuracy: round4(safeDivide(group.filter(isExactMatch).length, group.length)),
            macroF1: round4(averagePrf(countClasses(group)).macro.f1),
          },
        ]),
      ),
    ]),
  );
}
