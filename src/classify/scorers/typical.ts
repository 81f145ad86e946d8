import { dotRow } from "../../embed/vector.js";
import type { AgentIndex } from "../../indexing/types.js";
import { percentile } from "../../util/numbers.js";
import { pieceGroups } from "./pieces.js";

/** An agent needs this many `<example>` utterances for its own typical similarity. */
const MIN_EXAMPLES = 3;

const cache = new WeakMap<AgentIndex, Float64Array>();

/**
 * How similar a request an agent should take typically is to that agent's pieces, measured
 * on the agent's own `<example>` utterances: each example against the agent's other positive
 * pieces (leave one out), the median of those best cosines. Agents with fewer than 3 examples
 * take the median over the agents that have them; a set without examples gets NaN throughout.
 * A prompt far below its agent's typical similarity is unlike anything the agent was shown:
 * evidence for none that adapts to how tight each set's examples are (intent sets with ten
 * paraphrases each sit much higher than prose descriptions).
 */
export function typicalSimilarity(index: AgentIndex): Float64Array {
  let typical = cache.get(index);
  if (typical) return typical;
  const n = index.agents.length;
  typical = new Float64Array(n).fill(Number.NaN);
  if (index.vectors) {
    const positive = pieceGroups(index).positive;
    positive.forEach((ids, a) => {
      const examples = [...ids].filter((i) => index.pieces[i]!.kind === "example");
      if (examples.length < MIN_EXAMPLES) return;
      const best = examples.map((e) => {
        const example = index.vectors!.subarray(e * index.dims, (e + 1) * index.dims);
        let top = -1;
        for (const j of ids) if (j !== e) top = Math.max(top, dotRow(index.vectors!, index.dims, j, example));
        return top;
      });
      typical![a] = median(best);
    });
    const known = [...typical].filter((t) => !Number.isNaN(t));
    if (known.length > 0) {
      const fallback = median(known);
      typical = typical.map((t) => (Number.isNaN(t) ? fallback : t));
    }
  }
  cache.set(index, typical);
  return typical;
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((x, y) => x - y),
    0.5,
  );
}
