import type { RowMatrix } from "../embed/kernel.js";
import type { AgentIndex } from "../indexing/types.js";

/**
 * Sets with up to this many pieces compare the prompt with every piece (≈0.4 ms at the limit
 * with the SIMD kernel: about 500 agents of real sets).
 */
export const EXACT_UP_TO_PIECES = 8192;
/** Larger sets compare every piece of the agents nearest by centroid: at least this many… */
export const NEAREST_AGENTS_MIN = 32;
/** …or this share of the set, whichever is more. */
export const NEAREST_AGENTS_SHARE = 0.15;

/**
 * Cosine of the prompt to every piece: exact up to EXACT_UP_TO_PIECES pieces, past that in two
 * stages (twoStageCosines). `exact[a]` says which agents were compared piece by piece.
 */
export function pieceCosines(index: AgentIndex, vector: Float32Array): { cos: Float32Array; exact: Uint8Array } {
  if (index.pieces.length > EXACT_UP_TO_PIECES) return twoStageCosines(index, vector);
  return { cos: piecesOf(index).dotAll(vector), exact: new Uint8Array(index.agents.length).fill(1) };
}

/**
 * The two stages for large sets: the prompt is compared with each agent's centroid, then
 * exactly with every piece of the nearest agents (and with every mandate and not-engage
 * bullet); the other agents' pieces take a centroid cosine. Those agents are far from the
 * prompt, and their features only need to say so: this keeps the comparison to a few thousand
 * rows whatever the set's size.
 */
export function twoStageCosines(index: AgentIndex, vector: Float32Array): { cos: Float32Array; exact: Uint8Array } {
  const n = index.agents.length;
  const { centroids, alwaysExact, groups } = index.derived;
  const central = centroids!.dotAll(vector);
  const keep = Math.max(NEAREST_AGENTS_MIN, Math.ceil(n * NEAREST_AGENTS_SHARE));
  const nearest = Array.from({ length: n }, (_, a) => a)
    .sort((a, b) => central[b]! - central[a]! || a - b)
    .slice(0, keep);
  const exact = new Uint8Array(n);
  for (const a of nearest) exact[a] = 1;
  // The skipped agents' pieces all take the lowest exact agent's centroid cosine: a centroid
  // can be closer to the prompt than any single piece, so the skipped agent's own centroid
  // value could outrank agents compared exactly; this value keeps every skipped agent at or
  // below the nearest agents, in a deterministic way.
  const floor = Math.min(...nearest.map((a) => central[a]!));
  const cos = new Float32Array(index.pieces.length);
  const positive = groups.positive;
  positive.forEach((ids, a) => exact[a] || ids.forEach((i) => (cos[i] = floor)));
  const picked = Int32Array.from([...nearest.flatMap((a) => [...positive[a]!]), ...alwaysExact]);
  const values = piecesOf(index).dotSome(vector, picked);
  for (let k = 0; k < picked.length; k++) cos[picked[k]!] = values[k]!;
  return { cos, exact };
}

/** Exact cosines of one agent's pieces (for reasons about an agent the first stage skipped). */
export function exactAgentCosines(
  index: AgentIndex,
  vector: Float32Array,
  agent: number,
  into: Float32Array,
): Float32Array {
  const out = Float32Array.from(into);
  const ids = Int32Array.from(index.derived.groups.positive[agent]!);
  const values = piecesOf(index).dotSome(vector, ids);
  ids.forEach((id, k) => (out[id] = values[k]!));
  return out;
}

/** Every piece's vector, ready for the dot-product kernel (only called with vectors). */
function piecesOf(index: AgentIndex): RowMatrix {
  return index.derived.pieceRows!;
}
