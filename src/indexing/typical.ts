import { dotRow } from "../embed/vector.js";
import { percentile } from "../util/numbers.js";
import type { PieceGroups } from "./piece-groups.js";
import type { Piece } from "./types.js";

/** An agent needs this many `<example>` utterances for its own typical similarity. */
const MIN_EXAMPLES = 3;

/**
 * How similar a request an agent should take typically is to that agent's pieces, measured
 * on the agent's own `<example>` utterances: each example against the agent's other positive
 * pieces (leave one out), the median of those best cosines. Agents with fewer than 3 examples
 * take the median over the agents that have them; a set without examples (or without vectors)
 * gets NaN throughout. A prompt far below its agent's typical similarity is unlike anything
 * the agent was shown: evidence for none that adapts to how tight each set's examples are
 * (intent sets with ten paraphrases each sit much higher than prose descriptions).
 */
export function typicalSimilarity(
  pieces: readonly Piece[],
  groups: PieceGroups,
  vectors: Float32Array | null,
  dims: number,
): Float64Array {
  let typical = new Float64Array(groups.positive.length).fill(Number.NaN);
  if (!vectors) return typical;
  groups.positive.forEach((ids, a) => {
    const examples = [...ids].filter((i) => pieces[i]!.kind === "example");
    if (examples.length < MIN_EXAMPLES) return;
    const best = examples.map((e) => {
      const example = vectors.subarray(e * dims, (e + 1) * dims);
      let top = -1;
      for (const j of ids) if (j !== e) top = Math.max(top, dotRow(vectors, dims, j, example));
      return top;
    });
    typical[a] = median(best);
  });
  const known = [...typical].filter((t) => !Number.isNaN(t));
  if (known.length > 0) {
    const fallback = median(known);
    typical = typical.map((t) => (Number.isNaN(t) ? fallback : t));
  }
  return typical;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((x, y) => x - y),
    0.5,
  );
}
