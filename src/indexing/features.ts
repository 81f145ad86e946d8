import { stem, tokenize } from "./text.js";

/** A sparse, L2-normalised tf-idf vector over a fixed vocabulary. */
export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

export interface FeatureVocab {
  index: Map<string, number>;
  idf: Float32Array;
  /** The same vocabulary split by feature kind, for sparseFeatures (built with it). */
  kinds: KindMaps;
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
    keys = keys
      .sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1))
      .slice(0, maxFeatures)
      .sort();
  }
  const index = new Map<string, number>();
  const idf = new Float32Array(keys.length);
  const n = texts.length;
  keys.forEach((k, i) => {
    index.set(k, i);
    idf[i] = Math.log((1 + n) / (1 + df.get(k)!)) + 1;
  });
  return { index, idf, kinds: kindMapsOf(index) };
}

/**
 * Character grams as numbers: the characters tokens can hold (a–z, 0–9, "+", "#") and the
 * space get codes 1–39, six bits each, so a 3- to 5-gram is a distinct integer under 2^30
 * (a small integer to V8: no string is built or hashed to look it up).
 */
const ALPHABET = " abcdefghijklmnopqrstuvwxyz0123456789+#";
const CODE = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) CODE[ALPHABET.charCodeAt(i)] = i + 1;

/** The gram's code, or -1 when it holds a character outside the alphabet. */
function gramCode(text: string, from: number, n: number): number {
  let code = 0;
  for (let k = from; k < from + n; k++) {
    const c = text.charCodeAt(k);
    const symbol = c < 128 ? CODE[c]! : 0;
    if (symbol === 0) return -1;
    code = code * 64 + symbol;
  }
  return code;
}

/** The vocabulary split by feature kind, keys without their prefix (built once per vocabulary). */
export interface KindMaps {
  w: Map<string, number>;
  b: Map<string, number>;
  /** Character grams by code; `c` keeps any a gram code cannot carry. */
  coded: Map<number, number>;
  c: Map<string, number>;
}

function kindMapsOf(index: Map<string, number>): KindMaps {
  const maps: KindMaps = { w: new Map(), b: new Map(), coded: new Map(), c: new Map() };
  for (const [k, i] of index) {
    const key = k.slice(2);
    const code = k[0] === "c" ? gramCode(key, 0, key.length) : -1;
    if (code >= 0) maps.coded.set(code, i);
    else maps[k[0] as "w" | "b" | "c"]?.set(key, i);
  }
  return maps;
}

/**
 * Sublinear tf-idf over the vocabulary, L2-normalised; unknown features are dropped.
 * The same features as featureCounts, looked up kind by kind without building their keys
 * (routing calls this once per prompt; it is several times faster than featureCounts).
 */
export function sparseFeatures(text: string, vocab: FeatureVocab): SparseVector {
  const maps = vocab.kinds;
  const hits: number[] = [];
  const hit = (i: number | undefined): void => void (i !== undefined && hits.push(i));
  const words = tokenize(text);
  const stems = words.map(stem);
  for (const s of stems) hit(maps.w.get(s));
  for (let i = 0; i + 1 < stems.length; i++) hit(maps.b.get(`${stems[i]}_${stems[i + 1]}`));
  const line = ` ${words.join(" ")} `;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= line.length; i++) {
      const code = gramCode(line, i, n);
      hit(code >= 0 ? maps.coded.get(code) : maps.c.get(line.slice(i, i + n)));
    }
  }
  return tfidf(hits, vocab.idf);
}

/** Feature hits (vocabulary indices, repeats counted) → sorted, L2-normalised sublinear tf-idf. */
function tfidf(hits: number[], idf: Float32Array): SparseVector {
  hits.sort((a, b) => a - b);
  const index: number[] = [];
  const raw: number[] = [];
  for (let k = 0; k < hits.length;) {
    let end = k + 1;
    while (end < hits.length && hits[end] === hits[k]) end++;
    index.push(hits[k]!);
    raw.push((1 + Math.log(end - k)) * idf[hits[k]!]!);
    k = end;
  }
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return { index: Int32Array.from(index), value: Float32Array.from(raw, (v) => v / norm) };
}
