import type { AgentSpec } from "../agents/types.js";
import { rowMatrix, type RowMatrix } from "../embed/kernel.js";
import { transpose } from "../embed/vector.js";

/**
 * The adapter: a learned low-rank correction of the sentence encoder's similarity between a
 * prompt and an agent's text (agentText), trained once across agent collections on the
 * routing corpus (bench/adapter-train.ts) and shipped as a small int8 file.
 *
 *   logit(p, a)    = scale × (p · t_a + (Aᵀp) · (Bᵀt_a))
 *   logit(p, none) = scale × (noneBias + (Aᵀp) · noneVector)
 *
 * p is the prompt's vector, t_a the agent text's (both unit length, frozen encoder). A softmax
 * of these over a set's agents and "none" is what the adapter says; it was trained with that
 * softmax inside each collection, so it learns how requests are phrased for kinds of agents,
 * not which agents one collection has.
 */
export interface Adapter {
  dims: number;
  rank: number;
  scale: number;
  /** dims × rank, row-major (a[d × rank + j]). */
  a: Float32Array;
  b: Float32Array;
  noneVector: Float32Array;
  noneBias: number;
}

/** Mᵀv for a dims × rank matrix (a rank-long vector). */
export function project(m: Float32Array, rank: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rank);
  for (let d = 0; d < v.length; d++) {
    const x = v[d]!;
    if (x === 0) continue;
    const row = d * rank;
    for (let j = 0; j < rank; j++) out[j]! += x * m[row + j]!;
  }
  return out;
}

/** What the adapter keeps per agent set: each agent's Bᵀt_a. */
export function adapterAgents(adapter: Adapter, agentVectors: Float32Array, n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) =>
    project(adapter.b, adapter.rank, agentVectors.subarray(i * adapter.dims, (i + 1) * adapter.dims)),
  );
}

/** An adapter made ready for one agent set: what its scorer reads per prompt (see prepareAdapter). */
export interface PreparedAdapter {
  adapter: Adapter;
  /** Aᵀ as rank rows of dims (the prompt's projection is one kernel call). */
  aT: RowMatrix;
  /** Bᵀt_a per agent (n rows of rank). */
  agents: RowMatrix;
  /** The agents' text vectors (p · t_a). */
  texts: RowMatrix;
}

/**
 * The set's agents under the adapter (Bᵀt per agent) and their text vectors as kernel
 * matrices; null without an adapter, without agent vectors or for vectors of other dims.
 *
 * @example
 * prepareAdapter(shippedAdapter(embedder.id), index.agentVectors, index.agents.length, index.dims)
 */
export function prepareAdapter(
  adapter: Adapter | null,
  agentVectors: Float32Array | null,
  n: number,
  dims: number,
): PreparedAdapter | null {
  if (!adapter || !agentVectors || adapter.dims !== dims) return null;
  const agents = new Float32Array(n * adapter.rank);
  adapterAgents(adapter, agentVectors, n).forEach((u, i) => agents.set(u, i * adapter.rank));
  return {
    adapter,
    aT: rowMatrix(transpose(adapter.a, adapter.dims, adapter.rank), adapter.dims),
    agents: rowMatrix(agents, adapter.rank),
    texts: rowMatrix(agentVectors, dims),
  };
}

/**
 * Logits over the agents and, last, "none" (see the file comment). `base[a]` is p · t_a,
 * `agents` the adapterAgents of the set.
 */
export function adapterLogits(
  adapter: Adapter,
  prompt: ArrayLike<number>,
  base: ArrayLike<number>,
  agents: readonly Float64Array[],
): Float64Array {
  const q = project(adapter.a, adapter.rank, prompt);
  const out = new Float64Array(agents.length + 1);
  agents.forEach((u, i) => {
    let s = base[i]!;
    for (let j = 0; j < adapter.rank; j++) s += q[j]! * u[j]!;
    out[i] = adapter.scale * s;
  });
  let none = adapter.noneBias;
  for (let j = 0; j < adapter.rank; j++) none += q[j]! * adapter.noneVector[j]!;
  out[agents.length] = adapter.scale * none;
  return out;
}

/** Softmax (a new array). */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let top = -Infinity;
  for (let i = 0; i < logits.length; i++) top = Math.max(top, logits[i]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! - top);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** The text an agent is known by in the bank: its name in words and its description. */
export function agentText(spec: Pick<AgentSpec, "name" | "description">): string {
  const name = spec.name.replace(/[-_]+/g, " ").trim();
  const description = spec.description
    .replace(/<example>[\s\S]*?(<\/example>|$)/g, " ")
    .replace(/\\n/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return `${name}: ${description}`.slice(0, 600);
}
