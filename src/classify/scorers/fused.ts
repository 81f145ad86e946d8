import type { AgentIndex } from "../../indexing/types.js";
import type { RouterConfig } from "../config.js";
import { FEATURE_NAMES } from "../defaults.js";
import type { PreparedQuery } from "../query.js";
import type { Evidence, Scorer, ScorerOutput } from "./types.js";

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Combines other scorers: their features go through a logistic model (bias + Σ weight ×
 * feature), whose output is the calibrated probability that the agent should take the prompt.
 * It is a Scorer like the ones it combines, so it can be evaluated the same way.
 */
export function createFusedScorer(index: AgentIndex, config: RouterConfig, parts: readonly Scorer[]): Scorer {
  const n = index.agents.length;
  const fusion = index.embedder ? config.fusion.embeddings : config.fusion.keyword;
  const weights = FEATURE_NAMES.map((f) => [f, fusion.weights[f] ?? 0] as const).filter(([, w]) => w !== 0);
  return {
    name: "fused",
    score(q: PreparedQuery): ScorerOutput {
      const features: Record<string, Float64Array> = {};
      for (const part of parts) Object.assign(features, part.score(q).features);
      const scores = new Float64Array(n);
      for (let a = 0; a < n; a++) {
        let z = fusion.bias;
        for (const [f, w] of weights) z += w * (features[f]?.[a] ?? 0);
        scores[a] = sigmoid(z);
      }
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
