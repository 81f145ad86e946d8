import { stem, tokenize } from "./text.js";

/** A sparse, L2-normalised tf-idf vector over a fixed vocabulary. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface FeatureVocab {
  index: Map<string, number>;
  idf: Float32Array;
}

/**
 * The lexical view the learned head sees: stems, stem bigrams and character 3–5-grams of
 * the normalised words. Character grams carry typos and word forms the stemmer misses
 * ("recieved", "top-up" vs "topup").
 * @example featureCounts("card arrived").get("w:card") === 1
 */
export function featureCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
  const words = tokenize(text);
  const stems = words.map(stem);
  for (const s of stems) bump(`w:${s}`);
  for (let i = 0; i + 1 < stems.length; i++) bump(`b:${stems[i]}_${stems[i + 1]}`);
  const line = ` ${words.join(" ")} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= line.length; i++) bump(`c:${line.slice(i, i + n)}`);
  return counts;
}

/**
 * Vocabulary of the features seen in training texts. When there are more than
 * `maxFeatures`, the most frequent are kept (ties by key) so memory stays bounded.
 */
export function buildFeatureVocab(texts: readonly string[], maxFeatures: number): FeatureVocab {
  const df = new Map<string, number>();
  for (const t of texts) for (const k of featureCounts(t).keys()) df.set(k, (df.get(k) ?? 0) + 1);
  let keys = [...df.keys()].sort();
  if (keys.length > maxFeatures) {
    keys = keys.sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1)).slice(0, maxFeatures).sort();
  }
  const index = new Map<string, number>();
  const idf = new Float32Array(keys.length);
  const n = texts.length;
  keys.forEach((k, i) => {
    index.set(k, i);
    idf[i] = Math.log((1 + n) / (1 + df.get(k)!)) + 1;
  });
  return { index, idf };
}

/** The vocabulary split by feature kind, keys without their prefix (built once per vocabulary). */
interface KindMaps {
  w: Map<string, number>;
  b: Map<string, number>;
  c: Map<string, number>;
}

const kindMaps = new WeakMap<FeatureVocab, KindMaps>();

function kindMapsOf(vocab: FeatureVocab): KindMaps {
  let maps = kindMaps.get(vocab);
  if (!maps) {
    maps = { w: new Map(), b: new Map(), c: new Map() };
    for (const [k, i] of vocab.index) maps[k[0] as keyof KindMaps]?.set(k.slice(2), i);
    kindMaps.set(vocab, maps);
  }
  return maps;
}

/**
 * Sublinear tf-idf over the vocabulary, L2-normalised; unknown features are dropped.
 * The same features as featureCounts, looked up kind by kind without building their keys
 * (routing calls this once per prompt; it is several times faster than featureCounts).
 */
export function sparseFeatures(text: string, vocab: FeatureVocab): SparseVector {
  const maps = kindMapsOf(vocab);
  const counts = new Map<number, number>();
  const bump = (i: number | undefined): void => void (i !== undefined && counts.set(i, (counts.get(i) ?? 0) + 1));
  const words = tokenize(text);
  const stems = words.map(stem);
  for (const s of stems) bump(maps.w.get(s));
  for (let i = 0; i + 1 < stems.length; i++) bump(maps.b.get(`${stems[i]}_${stems[i + 1]}`));
  const line = ` ${words.join(" ")} `;
  for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= line.length; i++) bump(maps.c.get(line.slice(i, i + n)));
  const index = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const raw = Array.from(index, (i) => (1 + Math.log(counts.get(i)!)) * vocab.idf[i]!);
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return { index, value: Float32Array.from(raw, (v) => v / norm) };
}
