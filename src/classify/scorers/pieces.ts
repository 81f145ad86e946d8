import { isPositiveKind } from "../../indexing/pieces.js";
import type { AgentIndex, PieceKind } from "../../indexing/types.js";
import type { Evidence } from "./types.js";

/** The agent's piece with the highest similarity in `sims` (positive pieces only). */
export function bestPieceOf(index: AgentIndex, agent: number, sims: Float32Array): Evidence["bestPiece"] {
  let best = -1;
  index.pieces.forEach((p, i) => {
    if (p.agent === agent && isPositiveKind(p.kind) && (best < 0 || sims[i]! > sims[best]!)) best = i;
  });
  if (best < 0) return null;
  const p = index.pieces[best]!;
  return { kind: p.kind, text: p.text, line: p.line, similarity: round(sims[best]!) };
}

/**
 * Per agent, the highest similarity among its pieces of the given kinds (0 when it has none).
 * @example maxByAgent(index, sims, (k) => k === "mustBeUsed")
 */
export function maxByAgent(index: AgentIndex, sims: Float32Array, accept: (kind: PieceKind) => boolean): Float64Array {
  const out = new Float64Array(index.agents.length);
  const seen = new Uint8Array(index.agents.length);
  index.pieces.forEach((p, i) => {
    if (!accept(p.kind)) return;
    if (!seen[p.agent] || sims[i]! > out[p.agent]!) out[p.agent] = sims[i]!;
    seen[p.agent] = 1;
  });
  return out;
}

export function round(x: number, digits = 4): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

/**
 * Each agent's lead over the best other agent: positive only for the top one, by how much
 * it leads; negative for the rest, by how far behind the top they are. Clipped to ±limit.
 * @example marginToOthers(Float64Array.of(3, 1, 2), 10) // [1, -2, -1]
 */
export function marginToOthers(values: Float64Array, limit: number): Float64Array {
  let best = -Infinity;
  let second = -Infinity;
  for (const v of values) {
    if (v > best) [best, second] = [v, best];
    else if (v > second) second = v;
  }
  return values.map((v) => {
    const other = v === best ? second : best;
    const m = Number.isFinite(other) ? v - other : 0;
    return Math.max(-limit, Math.min(limit, m));
  });
}
