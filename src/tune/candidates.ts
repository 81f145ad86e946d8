import type { FusionWeights } from "../classify/defaults.js";
import type { FeatureName } from "../classify/scorers/features.js";
import { fitAgentThresholds } from "./agent-thresholds.js";
import type { FeatureTable } from "./feature-table.js";
import { DEFAULT_FIT, fitDecision, fitFusion, fuseTable, type DecisionConfig } from "./fit.js";

/** What a candidate fits: the fusion model and the decision rule (what a config file holds). */
export interface FittedRule {
  fusion: FusionWeights;
  decision: DecisionConfig;
  /** Labeled prompts added as agent examples (the "examples" candidate). */
  examples?: Record<string, string[]>;
}

export interface TuneContext {
  /** The router's defaults for this mode: candidate (a), and the prior for the refits. */
  defaults: FittedRule;
  /** Features the fusion may use in this mode. */
  features: readonly FeatureName[];
}

/** One way of tuning, fitted on training rows only, judged by cross-validation. */
export interface Candidate {
  name: string;
  /** What it fits, in a few words (shown in the table). */
  description: string;
  /**
   * Least labeled rows (in all, and per labeled agent, median) before the candidate is tried:
   * below them it has more freedom than the data can pin down (see guardData).
   */
  needs: { rows?: number; perAgent?: number };
  fit(train: FeatureTable, context: TuneContext): FittedRule;
}

/** Per-agent thresholds want this many rows for the median agent; a refit of 17 weights, this many rows. */
const PER_AGENT_ROWS = 10;
const WEIGHT_ROWS = 100;

/**
 * Penalty pulling refitted weights toward the defaults. Stronger than the plain fit's:
 * a team's 150 prompts should adjust the defaults (fitted on several real sets), not replace them.
 */
const PRIOR_L2 = 3;

function refitWeights(train: FeatureTable, context: TuneContext, prior: boolean): FittedRule {
  const fusion = prior
    ? fitFusion([train], { ...DEFAULT_FIT, features: context.features, prior: context.defaults.fusion, l2: PRIOR_L2 })
    : fitFusion([train], { ...DEFAULT_FIT, features: context.features });
  return { fusion, decision: fitDecision([train], fusion, context.defaults.decision) };
}

function withAgentThresholds(train: FeatureTable, rule: FittedRule): FittedRule {
  return { fusion: rule.fusion, decision: fitAgentThresholds(fuseTable(train, rule.fusion), rule.decision) };
}

function refitThreshold(train: FeatureTable, context: TuneContext): FittedRule {
  const fusion = context.defaults.fusion;
  return { fusion, decision: fitDecision([train], fusion, context.defaults.decision) };
}

/**
 * The candidates in order of complexity; on a tie in cross-validated macro-F1 the earlier
 * (simpler) one wins.
 */
export const CANDIDATES: readonly Candidate[] = [
  {
    name: "defaults",
    description: "default weights and thresholds",
    needs: {},
    fit: (_train, context) => context.defaults,
  },
  { name: "threshold", description: "refit global threshold + multi margin", needs: {}, fit: refitThreshold },
  {
    name: "agent-thresholds",
    description: "default rule + per-agent thresholds (≥ 5 rows, shrunk)",
    needs: { perAgent: PER_AGENT_ROWS },
    fit: (train, context) => withAgentThresholds(train, context.defaults),
  },
  {
    name: "weights",
    description: "refit weights (L2 toward defaults) + threshold",
    needs: { rows: WEIGHT_ROWS, perAgent: PER_AGENT_ROWS },
    fit: (train, context) => refitWeights(train, context, true),
  },
  {
    name: "weights-fresh",
    description: "refit weights from scratch + threshold",
    needs: { rows: WEIGHT_ROWS, perAgent: PER_AGENT_ROWS },
    fit: (train, context) => refitWeights(train, context, false),
  },
  {
    name: "weights+agents",
    description: "refit weights + per-agent thresholds",
    needs: { rows: WEIGHT_ROWS, perAgent: PER_AGENT_ROWS },
    fit: (train, context) => withAgentThresholds(train, refitWeights(train, context, true)),
  },
];
