/**
 * Default fusion: a logistic model per mode over the router's features. The weights were
 * fitted by `bench/fit-defaults.ts` on labeled prompts for five real agent collections, half of
 * BANKING77 and half of its out-of-scope prompts (never on the example set the CI gate uses,
 * nor on the assistant-intents set that checks how they carry over to an unseen intent set),
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
  "emb_typ",
  "kw_cov",
  "kw_rel",
  "lex_max",
  "kw_best",
  "trig",
  "must",
  "proactive",
  "not_engage",
  "redirect",
  "ada_p",
  "ada_gap",
  "ada_none",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface FusionWeights {
  bias: number;
  weights: Partial<Record<FeatureName, number>>;
}

export const DEFAULT_FUSION: { embeddings: FusionWeights; keyword: FusionWeights } = {
  embeddings: {
    bias: -2.659,
    weights: {
      head_p: 1.111,
      head_margin: 0.486,
      emb_max: 0.162,
      emb_top3: -0.537,
      emb_margin: 0.521,
      bg_margin: -1.836,
      emb_best: -0.276,
      emb_typ: 2.595,
      kw_cov: 0.423,
      kw_rel: 1.247,
      lex_max: 0.599,
      kw_best: -0.044,
      trig: 0.949,
      must: 0.378,
      proactive: 0.023,
      not_engage: -0.001,
      redirect: 0.046,
    },
  },
  keyword: {
    bias: -2.637,
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
 * Default decision rule, fitted with the fusion on the sets that have "none" rows. The fit
 * gave 0.275 with embeddings; the kept keyword weights were fitted with 0.175-0.2. One value
 * serves both modes: 0.225 kept the agent collections' accuracy (0.25-0.3 cost voltagent and
 * vijaythecoder 1-4 points) while out-of-scope recall on the held-out halves rose 0.75 -> 0.82.
 */
export const DEFAULT_DECISION = { threshold: 0.225, multi: { margin: 0.2, min: 0.5, max: 3 } };
