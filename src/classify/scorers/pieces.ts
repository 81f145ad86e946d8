import type { AgentIndex } from "../../indexing/types.js";
import { roundTo } from "../../util/numbers.js";
import type { Evidence } from "./types.js";

/** The agent's positive piece with the highest similarity in `sims`. */
export function bestPieceOf(index: AgentIndex, agent: number, sims: Float32Array): Evidence["bestPiece"] {
  let best = -1;
  for (const i of index.derived.groups.positive[agent]!) if (best < 0 || sims[i]! > sims[best]!) best = i;
  if (best < 0) return null;
  const p = index.pieces[best]!;
  // A prompt of agentroute's routing corpus is shown as such: it is not in the agent's file.
  const kind = p.corpus ? "corpus example" : p.kind;
  return { kind, text: p.text, line: p.line, similarity: round(sims[best]!) };
}

/**
 * Per agent, the highest similarity among the pieces of one group (0 when it has none).
 * @example maxByAgent(index.derived.groups.mustBeUsed, sims)
 */
export function maxByAgent(groups: readonly Int32Array[], sims: Float32Array): Float64Array {
  const out = new Float64Array(groups.length);
  groups.forEach((ids, a) => {
    if (ids.length === 0) return;
    let best = -Infinity;
    for (const i of ids) if (sims[i]! > best) best = sims[i]!;
    out[a] = best;
  });
  return out;
}

/** Scores and similarities carry 4 decimals in decisions and reasons. */
export function round(x: number, digits = 4): number {
  return roundTo(x, digits);
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
