import type { Adapter } from "../adapter.js";
import { ADAPTER } from "./weights.js";

/** int8 codes × one scale per column of a dims × rank matrix (row-major). */
function decode(codes64: string, scales: readonly number[], rank: number): Float32Array {
  const codes = new Int8Array(Buffer.from(codes64, "base64"));
  return Float32Array.from(codes, (c, i) => c * scales[i % rank]!);
}

let shipped: Adapter | null | undefined;

/**
 * The shipped adapter (decoded once per process), or null for an embedder it was not trained
 * for: its weights only mean something for the same model's vectors.
 */
export function shippedAdapter(embedderId: string | null): Adapter | null {
  if (embedderId !== ADAPTER.embedder || ADAPTER.rank === 0) return null;
  shipped ??= {
    dims: ADAPTER.dims,
    rank: ADAPTER.rank,
    scale: ADAPTER.scale,
    a: decode(ADAPTER.a, ADAPTER.aScales, ADAPTER.rank),
    b: decode(ADAPTER.b, ADAPTER.bScales, ADAPTER.rank),
    noneVector: Float32Array.from(ADAPTER.noneVector),
    noneBias: ADAPTER.noneBias,
  };
  return shipped;
}
