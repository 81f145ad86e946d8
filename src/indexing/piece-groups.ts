import { isPositiveKind } from "./pieces.js";
import type { Piece, PieceKind } from "./types.js";

/** Piece indices per agent, by group: what the scorers loop over instead of every piece. */
export interface PieceGroups {
  positive: Int32Array[];
  mustBeUsed: Int32Array[];
  proactive: Int32Array[];
  notEngage: Int32Array[];
}

/**
 * The pieces grouped per agent, in piece order.
 * @example groupPieces(pieces, 2).positive[1] // Int32Array of agent 1's positive piece indices
 */
export function groupPieces(pieces: readonly Piece[], agentCount: number): PieceGroups {
  const collect = (accept: (kind: PieceKind) => boolean): Int32Array[] => {
    const lists: number[][] = Array.from({ length: agentCount }, () => []);
    pieces.forEach((p, i) => {
      if (accept(p.kind)) lists[p.agent]!.push(i);
    });
    return lists.map((l) => Int32Array.from(l));
  };
  return {
    positive: collect(isPositiveKind),
    mustBeUsed: collect((k) => k === "mustBeUsed"),
    proactive: collect((k) => k === "proactive"),
    notEngage: collect((k) => k === "notEngage"),
  };
}
