import { rowMatrix, type RowMatrix } from "../embed/kernel.js";
import { meanDirection } from "../embed/vector.js";
import { prepareAdapter, type Adapter, type PreparedAdapter } from "./adapter.js";
import { groupPieces, type PieceGroups } from "./piece-groups.js";
import { typicalSimilarity } from "./typical.js";
import type { Piece } from "./types.js";

/**
 * What routing reads besides the raw index, computed once when the index is built: piece
 * groups, kernel-ready matrices and per-agent figures. Everything here follows from the
 * pieces and vectors; nothing is filled in later.
 */
export interface DerivedIndex {
  /** Piece indices per agent by group. */
  groups: PieceGroups;
  /** Every piece's vector for the dot-product kernel; null in keyword-only mode. */
  pieceRows: RowMatrix | null;
  /** The background requests' vectors for the kernel; null in keyword-only mode. */
  backgroundRows: RowMatrix | null;
  /** Normalised mean of each agent's positive piece vectors (the first of two stages on large sets). */
  centroids: RowMatrix | null;
  /** Pieces a two-stage comparison always compares exactly: mandates and not-engage bullets (the rules need them all). */
  alwaysExact: Int32Array;
  /** Per agent, the typical similarity of its own examples (typicalSimilarity; NaN when unknown). */
  typical: Float64Array;
  /** The learned adapter made ready for this set's agent vectors; null without one (keyword-only mode, another embedder). */
  adapter: PreparedAdapter | null;
}

export interface DeriveInput {
  pieces: readonly Piece[];
  agentCount: number;
  vectors: Float32Array | null;
  background: Float32Array | null;
  dims: number;
  /** Per agent, the vector of its agentText; null in keyword-only mode. */
  agentVectors: Float32Array | null;
  /** The adapter trained for this embedder (shippedAdapter), or null. */
  adapter: Adapter | null;
}

export function deriveIndex(input: DeriveInput): DerivedIndex {
  const { pieces, agentCount, vectors, background, dims, agentVectors } = input;
  const groups = groupPieces(pieces, agentCount);
  const always = [...groups.mustBeUsed, ...groups.proactive, ...groups.notEngage]
    .flatMap((ids) => [...ids])
    .sort((x, y) => x - y);
  return {
    groups,
    pieceRows: vectors ? rowMatrix(vectors, dims) : null,
    backgroundRows: background ? rowMatrix(background, dims) : null,
    centroids: vectors ? rowMatrix(centroidsOf(groups, vectors, dims), dims) : null,
    alwaysExact: Int32Array.from(always),
    typical: typicalSimilarity(pieces, groups, vectors, dims),
    adapter: prepareAdapter(input.adapter, agentVectors, agentCount, dims),
  };
}

function centroidsOf(groups: PieceGroups, vectors: Float32Array, dims: number): Float32Array {
  const centroids = new Float32Array(groups.positive.length * dims);
  groups.positive.forEach((ids, a) => centroids.set(meanDirection(vectors, dims, ids), a * dims));
  return centroids;
}
