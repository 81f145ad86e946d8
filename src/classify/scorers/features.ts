import { adapterSignal } from "./adapter.js";
import { embeddingSignal } from "./embedding.js";
import { headSignal } from "./head.js";
import { keywordSignal } from "./keyword.js";
import { rulesSignal } from "./rules.js";
import type { SignalScorer } from "./types.js";

/**
 * Every signal scorer, in the order fusion sums their features. A new scorer is its own file
 * (exporting a `defineSignal(...)`) plus one line here; FEATURE_NAMES, the config schema and
 * `tune`'s feature lists follow.
 */
export const SIGNALS = {
  head: headSignal,
  embedding: embeddingSignal,
  keyword: keywordSignal,
  rules: rulesSignal,
  adapter: adapterSignal,
} satisfies Record<string, SignalScorer>;

export type SignalName = keyof typeof SIGNALS;

/** Every feature name a signal scorer produces. */
export type FeatureName = { [K in SignalName]: (typeof SIGNALS)[K]["features"][number] }[SignalName];

/** The feature names, derived from the scorers (never kept by hand). */
export const FEATURE_NAMES = Object.values(SIGNALS).flatMap((s) => s.features as readonly FeatureName[]) as [
  FeatureName,
  ...FeatureName[],
];

export type FeatureMode = "embeddings" | "keyword";

/** The signals that run in a mode: keyword-only mode leaves out the ones that need embeddings. */
export function signalsIn(mode: FeatureMode): SignalName[] {
  return (Object.keys(SIGNALS) as SignalName[]).filter((name) => mode === "embeddings" || !SIGNALS[name].needs);
}

/**
 * The features a mode has, in FEATURE_NAMES order; the others are its declared absences.
 * @example featuresIn("keyword").includes("bg_margin") // false
 */
export function featuresIn(mode: FeatureMode): FeatureName[] {
  return signalsIn(mode).flatMap((name) => SIGNALS[name].features as readonly FeatureName[]);
}
