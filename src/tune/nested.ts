import { bootstrapDelta } from "../eval/bootstrap.js";
import type { ScoredCase } from "../eval/metrics.js";
import type { Interval } from "../eval/types.js";
import { roundTo } from "../util/numbers.js";
import type { FoldScore } from "./cross-validate.js";
import { assignFolds } from "./folds.js";
import { guardData, type DataGuard } from "./guard.js";
import { outOfFold, type CandidateRunner } from "./runners.js";
import { judge, pickWinner, scoreCases, toCases, type Verdict } from "./select.js";

/** The labeled rows every level of selection works on. */
export interface TuneRows {
  agents: readonly string[];
  /** Expected agent indices per dataset row ([] = none). */
  expected: readonly (readonly number[])[];
  /** Primary label per row, for stratified folds. */
  labels: readonly string[];
}

export interface Selection {
  guard: DataGuard;
  /** One per runner, in runner order (the first is the defaults); skipped runners are left out. */
  verdicts: Verdict[];
  winner: Verdict | null;
}

/**
 * Cross-validates every runner the guard allows on `rows` (dataset indices, with their folds)
 * and judges each against the first runner, the defaults. The selection rule of `tune`.
 */
export async function selectCandidate(
  runners: readonly CandidateRunner[],
  data: TuneRows,
  rows: readonly number[],
  folds: readonly number[],
): Promise<Selection> {
  const expected = rows.map((i) => data.expected[i]!);
  const guard = guardData(expected, data.agents.length, folds, runners);
  const tried = runners.filter((r) => guard.skipped[r.name] === undefined);
  const cases: ScoredCase[][] = [];
  for (const runner of tried) cases.push(toCases(data.agents, expected, await outOfFold(runner, rows, folds)));
  const verdicts = tried.map((runner, n) => judge(runner, cases[n]!, cases[0]!, folds));
  verdicts[0] = { ...verdicts[0]!, wins: false, why: "the baseline" };
  return { guard, verdicts, winner: pickWinner(verdicts.slice(1)) };
}

/** The gain of the whole tuning procedure on rows its selection never saw. */
export interface NestedEstimate {
  /** The defaults and the procedure on the same held-out rows. */
  before: FoldScore;
  after: FoldScore;
  delta: { macroF1: number; interval: Interval };
  /** What the selection chose in each outer fold ("defaults" when nothing won). */
  chosen: string[];
}

/**
 * Nested cross-validation: for each outer fold, the whole selection (inner k-fold
 * cross-validation, the winning rule) runs on the other folds only, and its choice, fitted on
 * them, predicts the outer fold. Pooled over the outer folds, these predictions say what
 * tuning gains on prompts it did not see, which the selection's own figures overstate
 * (the winner is picked because it scored high on them).
 */
export async function nestedEstimate(
  runners: readonly CandidateRunner[],
  data: TuneRows,
  folds: readonly number[],
  seed: number,
): Promise<NestedEstimate> {
  const k = folds.reduce((a, b) => Math.max(a, b), -1) + 1;
  const all = data.expected.map((_, i) => i);
  const procedure: number[][] = all.map(() => []);
  const defaults: number[][] = all.map(() => []);
  const chosen: string[] = [];
  for (let outer = 0; outer < k; outer++) {
    const test = all.filter((i) => folds[i] === outer);
    const train = all.filter((i) => folds[i] !== outer);
    const winner = await innerWinner(runners, data, train, k, seed);
    chosen.push(winner?.name ?? runners[0]!.name);
    const runner = runners.find((r) => r.name === winner?.name) ?? runners[0]!;
    const predicted = await runner.fitPredict(train, test);
    const base = await runners[0]!.fitPredict(train, test);
    test.forEach((i, n) => {
      procedure[i] = predicted[n]!;
      defaults[i] = base[n]!;
    });
  }
  const before = toCases(data.agents, data.expected, defaults);
  const after = toCases(data.agents, data.expected, procedure);
  const interval = bootstrapDelta(before, after).macroF1;
  const scores = { before: scoreCases(before), after: scoreCases(after) };
  return {
    ...scores,
    delta: {
      macroF1: roundTo(scores.after.macroF1 - scores.before.macroF1, 4),
      interval: { low: roundTo(interval.low, 4), high: roundTo(interval.high, 4) },
    },
    chosen,
  };
}

/** The selection's winner on the training rows of one outer fold (null: too few rows to fold, or nothing won). */
async function innerWinner(
  runners: readonly CandidateRunner[],
  data: TuneRows,
  train: readonly number[],
  k: number,
  seed: number,
): Promise<Verdict | null> {
  if (train.length < 2 * k) return null;
  const folds = assignFolds(
    train.map((i) => data.labels[i]!),
    k,
    seed,
  );
  return (await selectCandidate(runners, data, train, folds)).winner;
}
