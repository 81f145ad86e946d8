import type { AgentIndex } from "../../indexing/types.js";
import type { RouterConfig } from "../config.js";
import type { FusionWeights } from "../defaults.js";
import { featuresIn, FEATURE_NAMES, type FeatureMode, type FeatureName } from "./features.js";
import type { PreparedQuery } from "../query.js";
import { applyNotEngage } from "./not-engage-rule.js";
import type { Evidence, Scorer, ScorerOutput } from "./types.js";

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The fusion's calibrated probability for each agent: sigmoid(bias + Σ weight × feature).
 * One function for routing and for `tune`, so tuning scores exactly what routing computes.
 * `feature(name)` gives that feature's per-agent values, or null when the mode declares it
 * absent (embedding features in keyword-only mode): a weight on an absent feature adds
 * nothing. A feature that is neither there nor declared absent is a bug, never a silent 0.
 *
 * @example fuseFeatures((f) => features[f] ?? null, DEFAULT_FUSION.embeddings, agents.length)
 */
export function fuseFeatures(
  feature: (name: FeatureName) => ArrayLike<number> | null,
  fusion: FusionWeights,
  agentCount: number,
): Float64Array {
  const used: [ArrayLike<number>, number][] = [];
  for (const name of FEATURE_NAMES) {
    const w = fusion.weights[name] ?? 0;
    if (w === 0) continue;
    const values = feature(name);
    if (values === undefined) throw new Error(`fusion: feature "${name}" is missing and not declared absent`);
    if (values !== null) used.push([values, w]);
  }
  const scores = new Float64Array(agentCount);
  for (let a = 0; a < agentCount; a++) {
    let z = fusion.bias;
    for (const [values, w] of used) z += w * values[a]!;
    scores[a] = sigmoid(z);
  }
  return scores;
}

/**
 * Combines other scorers: their features go through a logistic model (bias + Σ weight ×
 * feature), whose output is the calibrated probability that the agent should take the prompt.
 * It is a Scorer like the ones it combines, so it can be evaluated the same way.
 */
export function createFusedScorer(index: AgentIndex, config: RouterConfig, parts: readonly Scorer[]): Scorer {
  const n = index.agents.length;
  const mode: FeatureMode = index.embedder ? "embeddings" : "keyword";
  const fusion = config.fusion[mode];
  const present = new Set<string>(featuresIn(mode));
  return {
    name: "fused",
    score(q: PreparedQuery): ScorerOutput {
      const features: Record<string, Float64Array> = {};
      for (const part of parts) Object.assign(features, part.score(q).features);
      const scores = applyNotEngage(
        fuseFeatures((f) => (present.has(f) ? features[f]! : null), fusion, n),
        features.not_engage,
      );
      return { scores, features };
    },
    explain(q: PreparedQuery, agent: number, output: ScorerOutput): Evidence {
      const merged: Evidence = { matchedTriggers: [], rules: [], bestPiece: null };
      for (const part of parts) {
        const e = part.explain?.(q, agent, output);
        if (!e) continue;
        if (e.matchedTriggers) merged.matchedTriggers = e.matchedTriggers;
        if (e.rules) merged.rules!.push(...e.rules);
        // The embedding's best piece wins over the keyword one when both exist (it comes later).
        if (e.bestPiece && (!merged.bestPiece || part.name === "embedding")) merged.bestPiece = e.bestPiece;
      }
      return merged;
    },
  };
}
