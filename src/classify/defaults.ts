/**
 * Default fusion: a logistic model per mode over the router's features. The weights were
 * fitted by `bench/fit-defaults.ts` on labeled prompts for five real agent collections, half of
 * BANKING77 and half of its out-of-scope prompts (never on the example set the CI gate uses),
 * then rounded; see README "How routing works". The keyword weights are from the fit before the
 * out-of-scope prompts were added: refitting them lost accuracy on the agent collections.
 * `agentroute tune` refits them for a team's own data.
 */
export const FEATURE_NAMES = [
  "head_p",
  "head_margin",
  "emb_max",
  "emb_top3",
  "emb_margin",
  "bg_margin",
  "emb_best",
  "kw_cov",
  "kw_rel",
  "lex_max",
  "kw_best",
  "trig",
  "must",
  "proactive",
  "not_engage",
  "redirect",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface FusionWeights {
  bias: number;
  weights: Partial<Record<FeatureName, number>>;
}

export const DEFAULT_FUSION: { embeddings: FusionWeights; keyword: FusionWeights } = {
  embeddings: {
    bias: -3.016,
    weights: {
      head_p: 1.202, head_margin: 0.48, emb_max: 0.181, emb_top3: -0.155, emb_margin: 0.621, bg_margin: -2.157, emb_best: -0.35,
      kw_cov: 0.408, kw_rel: 1.268, lex_max: 0.538, kw_best: -0.093, trig: 0.955, must: 0.475, proactive: 0.135, not_engage: 0.021,
      redirect: 0.038,
    },
  },
  keyword: {
    bias: -2.637,
    weights: {
      head_p: 1.248, head_margin: 0.398, kw_cov: 0.186, kw_rel: 1.152, lex_max: 0.696, trig: 1.386, must: 0.075, proactive: 0.638,
      not_engage: -0.092, redirect: 0.166,
    },
  },
};

/**
 * Default decision rule, fitted with the fusion on the sets that have "none" rows (the fit
 * gave 0.25 with embeddings; the kept keyword weights were fitted with 0.175-0.2; one value
 * between them serves both modes).
 */
export const DEFAULT_DECISION = { threshold: 0.225, multi: { margin: 0.2, min: 0.5, max: 3 } };
