import { rowMatrix, type RowMatrix } from "../../embed/kernel.js";
import { adapterAgents, adapterLogits, softmax, type Adapter } from "../../indexing/adapter.js";
import { shippedAdapter } from "../../indexing/adapter-data/load.js";
import type { AgentIndex } from "../../indexing/types.js";
import type { PreparedQuery } from "../query.js";
import type { Scorer, ScorerOutput } from "./types.js";

/** Feature names this scorer adds (see createAdapterScorer). */
export const ADAPTER_FEATURES = ["ada_p", "ada_gap", "ada_none"] as const;

type AdapterFeatures = Record<(typeof ADAPTER_FEATURES)[number], Float64Array>;

interface Prepared {
  agents: Float64Array[];
  texts: RowMatrix;
}

const prepared = new WeakMap<AgentIndex, WeakMap<Adapter, Prepared>>();

/** The set's agents under the adapter (Bᵀt per agent) and their text vectors, made once per index. */
function preparedOf(index: AgentIndex, adapter: Adapter): Prepared {
  let byAdapter = prepared.get(index);
  if (!byAdapter) prepared.set(index, (byAdapter = new WeakMap()));
  let p = byAdapter.get(adapter);
  if (!p) {
    const n = index.agents.length;
    p = { agents: adapterAgents(adapter, index.agentVectors!, n), texts: rowMatrix(index.agentVectors!, index.dims) };
    byAdapter.set(adapter, p);
  }
  return p;
}

/**
 * What the learned adapter (src/indexing/adapter.ts) says: a softmax over the set's agents
 * and "none" of the prompt's adapted similarity to each agent's name and description.
 *
 * Features: `ada_p` (the agent's probability), `ada_gap` (its logit minus the best other
 * agent's, over the scale: positive only for the favourite), `ada_none` (the probability of
 * none, the same for every agent). All 0 in keyword-only mode or with another embedder.
 */
export function createAdapterScorer(index: AgentIndex, adapter = shippedAdapter(index.embedder?.id ?? null)): Scorer {
  return {
    name: "adapter",
    score(q: PreparedQuery): ScorerOutput {
      const features = adapterFeatures(index, adapter, q.vector);
      return { scores: features.ada_p, features };
    },
  };
}

export function adapterFeatures(
  index: AgentIndex,
  adapter: Adapter | null,
  vector: Float32Array | null,
): AdapterFeatures {
  const n = index.agents.length;
  if (!adapter || !vector || !index.agentVectors || adapter.dims !== index.dims) {
    return { ada_p: new Float64Array(n), ada_gap: new Float64Array(n), ada_none: new Float64Array(n) };
  }
  const p = preparedOf(index, adapter);
  const logits = adapterLogits(adapter, vector, p.texts.dotAll(vector), p.agents);
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
