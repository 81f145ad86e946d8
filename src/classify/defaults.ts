/**
 * Default fusion: a logistic model per mode over the router's features. The weights were
 * fitted by `bench/fit-defaults.ts` on labeled prompts for five real agent collections and
 * half of BANKING77 (never on the example set the CI gate uses), then rounded; see README
 * "How routing works". `agentroute tune` refits them for a team's own data.
 */
export const FEATURE_NAMES = [
  "head_p",
  "head_margin",
  "emb_max",
  "emb_top3",
  "emb_margin",
  "bg_margin",
  "kw_cov",
  "kw_rel",
  "lex_max",
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
    bias: -2.605,
    weights: {
      head_p: 0.931, head_margin: 0.485, emb_max: 0.654, emb_top3: -0.2, emb_margin: 1.306, bg_margin: -1.546,
      kw_cov: -0.208, kw_rel: 0.95, lex_max: 0.393, trig: 0.996, must: 0.054, proactive: -0.162, not_engage: -0.016, redirect: 0.073,
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
 * gave 0.2 with embeddings and 0.175 keyword-only; one value serves both modes).
 */
export const DEFAULT_DECISION = { threshold: 0.2, multi: { margin: 0.2, min: 0.5, max: 3 } };
