import type { FeatureName } from "./scorers/features.js";

/**
 * Default fusion: a logistic model per mode over the router's features. The embeddings weights
 * were fitted by `bench/fit-defaults.ts` on labeled prompts for five real agent collections
 * (datasets/), the routing corpus (corpus/, eight more tables), half of BANKING77 and half of
 * its out-of-scope prompts, each row's adapter features (ada_*) coming from an adapter trained
 * without that row's collection; never on the example set the CI gate uses, nor on the
 * assistant-intents set. See docs/routing.md. The keyword weights are from an earlier fit (no
 * adapter in that mode; refitting them lost accuracy on the agent collections).
 * `agentroute tune` refits them for a team's own data.
 */
export interface FusionWeights {
  bias: number;
  weights: Partial<Record<FeatureName, number>>;
}

export const DEFAULT_FUSION: { embeddings: FusionWeights; keyword: FusionWeights } = {
  embeddings: {
    bias: -0.818,
    weights: {
      head_p: 1.377,
      head_margin: 0.407,
      emb_max: -0.296,
      emb_top3: -1.356,
      emb_margin: -0.023,
      bg_margin: -0.931,
      emb_best: -0.084,
      emb_typ: 1.21,
      kw_cov: 0.921,
      kw_rel: 0.267,
      lex_max: 0.949,
      kw_best: -0.654,
      trig: 0.815,
      must: 0.089,
      proactive: -0.094,
      not_engage: 0.07,
      redirect: -0.014,
      ada_p: 1.008,
      ada_gap: 2.479,
      ada_none: -2.195,
    },
  },
  keyword: {
    // -2.637 fitted at threshold 0.225; +0.268 (logit 0.275 − logit 0.225) keeps every
    // keyword-mode decision the same under the shared threshold 0.275.
    bias: -2.369,
    weights: {
      head_p: 1.248,
      head_margin: 0.398,
      kw_cov: 0.186,
      kw_rel: 1.152,
      lex_max: 0.696,
      trig: 1.386,
      must: 0.075,
      proactive: 0.638,
      not_engage: -0.092,
      redirect: 0.166,
    },
  },
};

/**
 * Default decision rule (both modes; keyword mode's bias is shifted to match). The fit with the corpus gave threshold 0.225 (multi.min 0.55); 0.275 is
 * used: it keeps the agent collections' gains (claude-config-12 accuracy 0.632 → 0.667,
 * wshobson 0.589 → 0.652) while out-of-scope recall stays where it was on the intent sets
 * (assistant-intents 0.68 → 0.69, BANKING77 0.80 → 0.84); at 0.225 it fell to 0.60 / 0.75.
 */
export const DEFAULT_DECISION = {
  threshold: 0.275,
  multi: { margin: 0.2, min: 0.55, max: 3, jobMin: 0.4, jobMargin: 0.2 },
};
