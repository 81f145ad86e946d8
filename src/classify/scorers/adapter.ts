import { softmax, type PreparedAdapter } from "../../indexing/adapter.js";
import type { AgentIndex } from "../../indexing/types.js";
import type { PreparedQuery } from "../query.js";
import { defineSignal, type Scorer, type ScorerOutput } from "./types.js";

/** Feature names this scorer adds (see createAdapterScorer). */
export const ADAPTER_FEATURES = ["ada_p", "ada_gap", "ada_none"] as const;

type AdapterFeature = (typeof ADAPTER_FEATURES)[number];
type AdapterFeatures = Record<AdapterFeature, Float64Array>;

/** The adapter as a signal: its features need an embedding model (absent in keyword-only mode). */
export const adapterSignal = defineSignal({
  features: ADAPTER_FEATURES,
  needs: "embeddings",
  create: (index: AgentIndex) => createAdapterScorer(index),
});

/**
 * What the learned adapter (src/indexing/adapter.ts) says: a softmax over the set's agents
 * and "none" of the prompt's adapted similarity to each agent's name and description.
 *
 * Features: `ada_p` (the agent's probability), `ada_gap` (its logit minus the best other
 * agent's, over the scale: positive only for the favourite), `ada_none` (the probability of
 * none, the same for every agent). All 0 in keyword-only mode or with another embedder.
 */
export function createAdapterScorer(index: AgentIndex): Scorer<AdapterFeature> {
  return {
    name: "adapter",
    score(q: PreparedQuery): ScorerOutput<AdapterFeature> {
      const features = adapterFeatures(index.derived.adapter, q.vector, index.agents.length);
      return { scores: features.ada_p, features };
    },
  };
}

/** The three features for `n` agents from a prepared adapter (all 0 without one or without a prompt vector). */
export function adapterFeatures(
  prepared: PreparedAdapter | null,
  vector: Float32Array | null,
  n: number,
): AdapterFeatures {
  if (!prepared || !vector) {
    return { ada_p: new Float64Array(n), ada_gap: new Float64Array(n), ada_none: new Float64Array(n) };
  }
  const { adapter } = prepared;
  const logits = fastLogits(prepared, vector);
  const probs = softmax(logits);
  let first = -Infinity;
  let second = -Infinity;
  for (let a = 0; a < n; a++) {
    const l = logits[a]!;
    if (l > first) [first, second] = [l, first];
    else if (l > second) second = l;
  }
  return {
    ada_p: probs.slice(0, n),
    ada_gap: logits.slice(0, n).map((l) => (l - (l === first ? second : first)) / adapter.scale),
    ada_none: new Float64Array(n).fill(probs[n]!),
  };
}

/** adapterLogits through the dot-product kernel (the same values to float32 rounding; tested). */
function fastLogits(p: PreparedAdapter, vector: Float32Array): Float64Array {
  const { adapter } = p;
  const base = p.texts.dotAll(vector);
  const q = p.aT.dotAll(vector);
  const uq = p.agents.dotAll(q);
  const out = new Float64Array(base.length + 1);
  for (let a = 0; a < base.length; a++) out[a] = adapter.scale * (base[a]! + uq[a]!);
  let none = adapter.noneBias;
  for (let j = 0; j < adapter.rank; j++) none += q[j]! * adapter.noneVector[j]!;
  out[base.length] = adapter.scale * none;
  return out;
}
