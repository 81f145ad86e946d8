/**
 * Two embedding baselines with the router's default model (USE-lite): the nearest training
 * example by cosine, and the nearest class centroid (mean of a class's example vectors).
 */
import type { Embedder } from "../../src/embed/types.js";
import type { Labeled } from "./banking-data.js";
import type { Peer } from "./types.js";

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Index of the largest score; ties go to the earlier entry. */
function argmax(scores: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[best]!) best = i;
  return best;
}

/** Normalised mean vector of each label's examples, labels in first-seen order. */
function centroids(
  train: readonly Labeled[],
  vectors: readonly Float32Array[],
): { labels: string[]; vectors: Float32Array[] } {
  const sums = new Map<string, Float32Array>();
  train.forEach((ex, i) => {
    const v = vectors[i]!;
    const sum = sums.get(ex.label) ?? new Float32Array(v.length);
    for (let d = 0; d < v.length; d++) sum[d]! += v[d]!;
    sums.set(ex.label, sum);
  });
  const out = [...sums.values()].map((s) => {
    const norm = Math.sqrt(dot(s, s)) || 1;
    return s.map((x) => x / norm);
  });
  return { labels: [...sums.keys()], vectors: out };
}

/**
 * The two embedding peers over one embedder (vectors come back normalised: cosine = dot).
 *
 * @example
 * const [nearest, centroid] = createEmbeddingPeers(embedder);
 */
export function createEmbeddingPeers(embedder: Embedder): Peer[] {
  const nearest: Peer = {
    name: "nearest example (USE-lite cosine)",
    async predict(train, test) {
      const trainVectors = await embedder.embed(train.map((t) => t.text));
      const testVectors = await embedder.embed(test);
      return testVectors.map((q) => train[argmax(trainVectors.map((v) => dot(q, v)))]!.label);
    },
  };
  const centroid: Peer = {
    name: "nearest class centroid (USE-lite)",
    async predict(train, test) {
      const c = centroids(train, await embedder.embed(train.map((t) => t.text)));
      const testVectors = await embedder.embed(test);
      return testVectors.map((q) => c.labels[argmax(c.vectors.map((v) => dot(q, v)))]!);
    },
  };
  return [nearest, centroid];
}
