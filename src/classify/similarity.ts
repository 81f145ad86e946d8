import { dotRow, dotRows, meanDirection } from "../embed/vector.js";
import type { AgentIndex } from "../indexing/types.js";
import { pieceGroups } from "./scorers/pieces.js";

/** Sets up to this many agents compare the prompt with every piece. */
export const EXACT_UP_TO_AGENTS = 40;
/** Larger sets compare every piece of the agents nearest by centroid: at least this many… */
export const NEAREST_AGENTS_MIN = 32;
/** …or this share of the set, whichever is more. */
export const NEAREST_AGENTS_SHARE = 0.15;

interface Plan {
  /** Normalised mean of each agent's positive piece vectors (agents × dims). */
  centroids: Float32Array;
  /** Pieces always compared exactly: mandates and not-engage bullets (the rules need them all). */
  always: Int32Array;
}

const plans = new WeakMap<AgentIndex, Plan>();

function planOf(index: AgentIndex): Plan {
  let plan = plans.get(index);
  if (!plan) {
    const { dims } = index;
    const groups = pieceGroups(index);
    const centroids = new Float32Array(index.agents.length * dims);
    groups.positive.forEach((ids, a) => centroids.set(meanDirection(index.vectors!, dims, ids), a * dims));
    const always = [...groups.mustBeUsed, ...groups.proactive, ...groups.notEngage].flatMap((ids) => [...ids]).sort((x, y) => x - y);
    plan = { centroids, always: Int32Array.from(always) };
    plans.set(index, plan);
  }
  return plan;
}

/**
 * Cosine of the prompt to every piece. Up to EXACT_UP_TO_AGENTS agents, all exact. Past that,
 * two stages: the prompt is compared with each agent's centroid, then exactly with every piece
 * of the nearest agents (and with every mandate and not-engage bullet); the other agents'
 * pieces take their centroid's cosine. Those agents are far from the prompt, and their
 * features only need to say so: this keeps the comparison to a few hundred rows whatever the
 * set's size. `exact[a]` says which agents were compared piece by piece.
 */
export function pieceCosines(index: AgentIndex, vector: Float32Array): { cos: Float32Array; exact: Uint8Array } {
  const n = index.agents.length;
  const { dims } = index;
  const matrix = index.vectors!;
  if (n <= EXACT_UP_TO_AGENTS) return { cos: dotRows(matrix, dims, vector), exact: new Uint8Array(n).fill(1) };
  const plan = planOf(index);
  const central = dotRows(plan.centroids, dims, vector);
  const keep = Math.max(NEAREST_AGENTS_MIN, Math.ceil(n * NEAREST_AGENTS_SHARE));
  const nearest = Array.from({ length: n }, (_, a) => a).sort((a, b) => central[b]! - central[a]! || a - b).slice(0, keep);
  const exact = new Uint8Array(n);
  for (const a of nearest) exact[a] = 1;
  const cos = new Float32Array(index.pieces.length);
  // The skipped agents' pieces all take the lowest exact agent's centroid cosine: a centroid
  // can be closer to the prompt than any single piece, so the skipped agent's own centroid
  // value could outrank agents compared exactly; this value keeps every skipped agent at or
  // below the nearest agents, in a deterministic way.
  const floor = Math.min(...nearest.map((a) => central[a]!));
  pieceGroups(index).positive.forEach((ids, a) => {
    for (const i of ids) cos[i] = exact[a] ? dotRow(matrix, dims, i, vector) : floor;
  });
  for (const i of plan.always) cos[i] = dotRow(matrix, dims, i, vector);
  return { cos, exact };
}

/** Exact cosines of one agent's pieces (for reasons about an agent the first stage skipped). */
export function exactAgentCosines(index: AgentIndex, vector: Float32Array, agent: number, into: Float32Array): Float32Array {
  const out = Float32Array.from(into);
  for (const i of pieceGroups(index).positive[agent]!) out[i] = dotRow(index.vectors!, index.dims, i, vector);
  return out;
}
