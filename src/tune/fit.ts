import type { RouterConfig } from "../classify/config.js";
import { chooseDispatch, rankAgents } from "../classify/decide.js";
import type { FusionWeights } from "../classify/defaults.js";
import { FEATURE_NAMES, type FeatureName } from "../classify/scorers/features.js";
import { averagePrf, countClasses, isExactMatch } from "../eval/metrics.js";
import type { FeatureRow, FeatureTable } from "./feature-table.js";
import { fitLogistic } from "./logistic.js";
import { fuseFeatures } from "../classify/scorers/fused.js";
import { applyNotEngage } from "../classify/scorers/not-engage-rule.js";
import { scoreFusedFast } from "./score-fast.js";
import { roundTo } from "../util/numbers.js";

export interface FusionFitOptions {
  /** L2 penalty on the weights. */
  l2: number;
  /** Per prompt, the best-ranked wrong agents used as negatives (the decisions that matter). */
  negatives: number;
  /** Features the model may use (keyword mode leaves out the embedding ones). */
  features: readonly FeatureName[];
  /** Weights the L2 penalty pulls toward (e.g. the defaults); none: toward 0. */
  prior?: FusionWeights;
}

export const DEFAULT_FIT: FusionFitOptions = { l2: 0.05, negatives: 6, features: FEATURE_NAMES };

/** A cheap ranking used only to pick hard negatives: what the signals agree is close (an absent feature adds nothing). */
function roughScore(row: FeatureRow, a: number): number {
  const f = (name: FeatureName) => row.features[FEATURE_NAMES.indexOf(name)]?.[a] ?? 0;
  return f("head_p") + f("emb_max") + f("kw_rel") + f("trig");
}

/**
 * Fits the fusion's logistic model on (prompt, agent) pairs: each prompt's right agents
 * and its hardest wrong ones. Every table weighs the same in total, so one big benchmark
 * does not drown the small real sets.
 */
export function fitFusion(tables: readonly FeatureTable[], options: FusionFitOptions = DEFAULT_FIT): FusionWeights {
  const cols = options.features.map((name) => FEATURE_NAMES.indexOf(name));
  const xs: Float64Array[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  for (const table of tables) {
    const perRow = 1 / Math.max(table.rows.length, 1);
    for (const row of table.rows) {
      const positives = new Set(row.expected);
      const others = table.agents.map((_, a) => a).filter((a) => !positives.has(a));
      others.sort((a, b) => roughScore(row, b) - roughScore(row, a) || a - b);
      const pairs = [...positives, ...others.slice(0, options.negatives)];
      for (const a of pairs) {
        xs.push(Float64Array.from(cols, (c) => row.features[c]![a]!));
        ys.push(positives.has(a) ? 1 : 0);
        ws.push(perRow / pairs.length);
      }
    }
  }
  const total = ws.reduce((s, w) => s + w, 0) || 1;
  const prior = options.prior
    ? { bias: options.prior.bias, weights: options.features.map((name) => options.prior!.weights[name] ?? 0) }
    : undefined;
  const model = fitLogistic(
    xs,
    ys,
    ws.map((w) => (w / total) * xs.length),
    { l2: options.l2 * xs.length * 0.01, prior },
  );
  const weights: Partial<Record<FeatureName, number>> = {};
  options.features.forEach((name, j) => {
    const w = Math.round(model.weights[j]! * 1000) / 1000;
    if (w !== 0) weights[name] = w;
  });
  return { bias: Math.round(model.bias * 1000) / 1000, weights };
}

/** Fused scores of one row under a fusion model. */
export function fuseRow(row: FeatureRow, fusion: FusionWeights, agentCount: number): Float64Array {
  const fused = fuseFeatures((name) => row.features[FEATURE_NAMES.indexOf(name)]!, fusion, agentCount);
  return applyNotEngage(fused, row.features[FEATURE_NAMES.indexOf("not_engage")] ?? undefined);
}

export type DecisionConfig = Pick<RouterConfig, "threshold" | "agentThresholds" | "multi">;

/** A table's fused scores under one fusion, with each row's ranking: decision rules are tried on it many times. */
export interface FusedTable {
  table: FeatureTable;
  scores: Float64Array[];
  orders: number[][];
}

/** Fuses every row once (the expensive part), so grid searches over thresholds only re-decide. */
export function fuseTable(table: FeatureTable, fusion: FusionWeights): FusedTable {
  const scores = table.rows.map((row) => fuseRow(row, fusion, table.agents.length));
  return { table, scores, orders: scores.map((s) => rankAgents(s, table.agents)) };
}

/**
 * Exact-match accuracy and macro-F1 of fused rows under a decision rule. Macro-F1 runs over
 * the labels that occur in expected or predicted, none included: the definition eval reports.
 */
export function scoreFused(fused: FusedTable, decision: DecisionConfig): { accuracy: number; macroF1: number } {
  const { agents, rows } = fused.table;
  const cases = rows.map((row, i) => {
    const dispatch = chooseDispatch(fused.scores[i]!, agents, decision, fused.orders[i]);
    return { expected: row.expected.map((a) => agents[a]!), predicted: dispatch.map((a) => agents[a]!), ranked: [] };
  });
  const accuracy = cases.filter(isExactMatch).length / Math.max(cases.length, 1);
  return { accuracy, macroF1: averagePrf(countClasses(cases)).macro.f1 };
}

/** Exact-match accuracy and macro-F1 (none included) of a table under a fusion and decision rule. */
export function scoreTable(
  table: FeatureTable,
  fusion: FusionWeights,
  decision: DecisionConfig,
): { accuracy: number; macroF1: number } {
  return scoreFused(fuseTable(table, fusion), decision);
}

/** Thresholds tried for the global rule: 0.2 to 0.9 in steps of 0.025. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 29 }, (_, i) => roundTo(0.2 + i * 0.025, 3));

/**
 * Grid-searches the global threshold and the multi-dispatch margin for the best mean
 * macro-F1 (or accuracy) over the tables (ties: the lower threshold, the smaller margin, in grid order).
 */
export function fitDecision(
  tables: readonly FeatureTable[],
  fusion: FusionWeights,
  base: DecisionConfig,
  objective: "accuracy" | "macroF1" = "macroF1",
): DecisionConfig {
  // Fuse once: the grid only changes the decision rule, never the scores.
  const fused = tables.map((table) => fuseTable(table, fusion));
  const value = (decision: DecisionConfig): number =>
    fused.reduce((s, f) => s + scoreFusedFast(f, decision)[objective], 0) / fused.length;
  let best = { value: -1, decision: base };
  for (let t = 0.1; t <= 0.9001; t += 0.025) {
    const decision = { ...base, threshold: roundTo(t, 3), multi: { ...base.multi, margin: 0 } };
    const v = value(decision);
    if (v > best.value + 1e-9) best = { value: v, decision };
  }
  // Then the multi-dispatch rule, with the threshold fixed: margin 0 means "never".
  for (const margin of [0.1, 0.2, 0.3, 0.45, 0.6]) {
    for (let min = Math.max(best.decision.threshold, 0.3); min <= 0.9501; min += 0.05) {
      const decision = { ...best.decision, multi: { ...base.multi, margin, min: roundTo(min, 3) } };
      const v = value(decision);
      if (v > best.value + 1e-9) best = { value: v, decision };
    }
  }
  return best.decision;
}
