/**
 * Batch planning shared by the embedding backends.
 *
 * USE-lite (and padded transformer batches) change a text's vector by ~1e-7 depending on
 * what else is in the batch, but batches whose texts all have the same token count give
 * bit-identical vectors to embedding each text alone. So we group by token count, cut each
 * group into chunks, and scatter the results back into input order.
 */

/**
 * Group input positions by token count (ascending), then cut each group into chunks of at
 * most `maxChunk`. Every position appears exactly once; within a chunk, positions keep input
 * order, so the plan is deterministic.
 *
 * @example
 * planBuckets([3, 5, 3, 3], 2); // [[0, 2], [3], [1]]
 */
export function planBuckets(tokenCounts: readonly number[], maxChunk: number): number[][] {
  if (!Number.isInteger(maxChunk) || maxChunk < 1)
    throw new RangeError(`maxChunk must be a positive integer, got ${maxChunk}`);
  const groups = new Map<number, number[]>();
  tokenCounts.forEach((count, position) => {
    const group = groups.get(count);
    if (group) group.push(position);
    else groups.set(count, [position]);
  });
  const chunks: number[][] = [];
  for (const count of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(count)!;
    for (let start = 0; start < group.length; start += maxChunk) chunks.push(group.slice(start, start + maxChunk));
  }
  return chunks;
}

/**
 * Cut a string to at most `maxChars` UTF-16 units without splitting a surrogate pair.
 *
 * @example
 * truncateChars("abcdef", 4); // "abcd"
 */
export function truncateChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const code = text.charCodeAt(maxChars - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  return text.slice(0, splitsPair ? maxChars - 1 : maxChars);
}

/**
 * Give texts that are empty after trimming the zero vector (they carry no meaning, so they
 * resemble nothing: cosine 0 with everything) and embed the rest with `embedSome`, keeping
 * input order.
 *
 * @example
 * await embedNonBlank(["hi", " "], 512, (texts) => model(texts)); // [model("hi"), zeros(512)]
 */
export async function embedNonBlank(
  texts: readonly string[],
  dims: number,
  embedSome: (texts: string[]) => Promise<Float32Array[]>,
): Promise<Float32Array[]> {
  const positions: number[] = [];
  texts.forEach((text, i) => {
    if (text.trim() !== "") positions.push(i);
  });
  const vectors = positions.length > 0 ? await embedSome(positions.map((i) => texts[i]!)) : [];
  const out: Float32Array[] = texts.map(() => new Float32Array(dims));
  positions.forEach((i, k) => (out[i] = vectors[k]!));
  return out;
}
