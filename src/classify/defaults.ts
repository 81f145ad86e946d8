import type { FeatureName } from "./scorers/features.js";

/**
 * Default fusion: a logistic model per mode over the router's features, fitted by
 * `bench/fit-defaults.ts` (embeddings) and `bench/fit-keyword.ts` (keyword) on labeled prompts
 * for five real agent collections (datasets/), the routing corpus (corpus/, eight more tables),
 * the BANKING77 agents' own examples (two folds, each held out of its agents: never the
 * BANKING77 test split) and half of our out-of-scope prompts for those agents. Each row's
 * adapter features (ada_*) come from an adapter trained without that row's collection. Never
 * fitted on the example set the CI gate uses, nor on the assistant-intents set. See
 * docs/routing.md. `agentroute tune` refits them for a team's own data.
 */
export interface FusionWeights {
  bias: number;
  weights: Partial<Record<FeatureName, number>>;
}

export const DEFAULT_FUSION: { embeddings: FusionWeights; keyword: FusionWeights } = {
  embeddings: {
    bias: -0.839,
    weights: {
      head_p: 1.238,
      head_margin: 0.457,
      emb_max: -0.267,
      emb_top3: -1.15,
      emb_margin: 0.165,
      bg_margin: -0.763,
      emb_best: -0.158,
      emb_typ: 1.71,
      kw_cov: 0.752,
      kw_rel: 0.315,
      lex_max: 1.072,
      kw_best: -0.591,
      trig: 0.749,
      must: 0.19,
      proactive: -0.066,
      not_engage: 0.078,
      redirect: -0.01,
      ada_p: 0.84,
      ada_gap: 2.142,
      ada_none: -2.133,
    },
  },
  keyword: {
    // Fitted at threshold 0.25; the bias is moved by logit 0.275 − logit 0.25 so the shared
    // threshold 0.275 makes the fitted decisions.
    bias: -2.164,
    weights: {
      head_p: 1.659,
      head_margin: 0.409,
      kw_cov: 0.528,
      kw_rel: 0.54,
      lex_max: 1.113,
      kw_best: -0.266,
      trig: 1.073,
      must: 0.201,
      proactive: 0.739,
      not_engage: 0.015,
      redirect: 0.015,
    },
  },
};

/**
 * Default decision rule (both modes; keyword mode's bias is shifted to match). The embeddings
 * fit gives threshold 0.225 with multi.margin 0; 0.275 and 0.2 are used. On the fit's own tables
 * (fit-defaults output) the fitted rule adds 0–3 points of accuracy on the collections and moves
 * their macro-F1 by −0.03 to +0.02, but out-of-scope recall on the fitted half of the BANKING77
 * out-of-scope prompts falls from 0.81 to 0.71: a user's off-topic prompts matter more.
 */
export const DEFAULT_DECISION = {
  threshold: 0.275,
  multi: { margin: 0.2, min: 0.55, max: 3, jobMin: 0.4, jobMargin: 0.2 },
};
