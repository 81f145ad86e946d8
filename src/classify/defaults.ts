/**
 * Default fusion: a logistic model per mode over the router's features. The weights were
 * fitted by `bench/fit-defaults.ts` on labeled prompts for five real agent collections and
 * half of BANKING77 (never on the example set the CI gate uses), then rounded; see README
 * "How routing works". `agentroute tune` refits them for a team's own data.
 */
export const FEATURE_NAMES = [
  "head_p",
  "head_gap",
  "emb_max",
  "emb_top3",
  "emb_gap",
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
    bias: -6,
    weights: { head_p: 3, head_gap: 0.3, emb_max: 5, emb_top3: 1, emb_gap: 4, kw_cov: 2, kw_rel: 1, lex_max: 1, trig: 1.5, must: 1, proactive: 0.5, not_engage: -3, redirect: 2 },
  },
  keyword: {
    bias: -3,
    weights: { head_p: 3, head_gap: 0.3, kw_cov: 3, kw_rel: 1.5, lex_max: 2, trig: 1.5, must: 1, proactive: 0.5, not_engage: -3, redirect: 2 },
  },
};
