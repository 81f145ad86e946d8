import { contentStems, stem, tokenize } from "../indexing/text.js";
import { isPositiveKind } from "../indexing/pieces.js";
import type { AgentIndex, PieceKind } from "../indexing/types.js";
import { STOPWORDS } from "../util/natural.js";

/** Piece kinds that say what an agent is for in a sentence or two (not its long bullet lists, nor its name: role words). */
const HEADLINE: ReadonlySet<PieceKind> = new Set(["description", "mustBeUsed", "proactive", "trigger"]);
/** Piece kinds that claim work (headline plus capability and engage bullets; not the name, whose words are roles). */
const CLAIMS: ReadonlySet<PieceKind> = new Set([
  "description",
  "mustBeUsed",
  "proactive",
  "trigger",
  "capability",
  "engage",
]);
/**
 * The description format's own keywords ("MUST BE USED", "Use PROACTIVELY", "Triggers on",
 * examples): every agent has them, they say nothing about the work.
 */
const CUE_WORDS: ReadonlySet<string> = new Set([
  "must",
  "use",
  "used",
  "proactively",
  "triggers",
  "example",
  "examples",
  "agent",
]);

/** Each agent's words, for overlap and distinctiveness (built once per advise run). */
export interface AgentTerms {
  /** Per agent: stem → tf-idf weight over its positive pieces. */
  weights: Map<string, number>[];
  /** Per agent: stems of its headline pieces. */
  headline: Set<string>[];
  /** Per agent: stems of the pieces that claim work (headline, capabilities, engage bullets). */
  claims: Set<string>[];
  /** Stem → idf over the set. */
  idf: Map<string, number>;
  /** Stem → a word to show for it (the first one seen in the agents' text). */
  words: Map<string, string>;
}

/** Collects every agent's stems with weights, headline stems, and a readable word per stem. */
export function collectAgentTerms(index: AgentIndex): AgentTerms {
  const n = index.agents.length;
  const tf: Map<string, number>[] = Array.from({ length: n }, () => new Map());
  const headline: Set<string>[] = Array.from({ length: n }, () => new Set());
  const claims: Set<string>[] = Array.from({ length: n }, () => new Set());
  const words = new Map<string, string>();
  for (const piece of index.pieces) {
    if (!isPositiveKind(piece.kind)) continue;
    for (const token of tokenize(piece.text)) {
      if (token.length < 2 || STOPWORDS.has(token) || CUE_WORDS.has(token) || /^\d+$/.test(token)) continue;
      const s = stem(token);
      if (!words.has(s)) words.set(s, token);
      tf[piece.agent]!.set(s, (tf[piece.agent]!.get(s) ?? 0) + 1);
      if (HEADLINE.has(piece.kind)) headline[piece.agent]!.add(s);
      if (CLAIMS.has(piece.kind)) claims[piece.agent]!.add(s);
    }
  }
  const df = new Map<string, number>();
  for (const map of tf) for (const s of map.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = new Map([...df].map(([s, d]) => [s, Math.log((n + 1) / (d + 0.5))]));
  const weights = tf.map((map) => new Map([...map].map(([s, c]) => [s, (1 + Math.log(c)) * idf.get(s)!])));
  return { weights, headline, claims, idf, words };
}

/** Cosine of two sparse weight maps. */
export function sparseCosine(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [s, w] of x) dot += w * (y.get(s) ?? 0);
  const norm = (m: ReadonlyMap<string, number>) => Math.sqrt([...m.values()].reduce((t, w) => t + w * w, 0));
  const d = norm(x) * norm(y);
  return d === 0 ? 0 : dot / d;
}

/** Content stems of a text paired with the word they came from (first occurrence). */
export function promptWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const token of tokenize(text)) {
    if (token.length < 3 || STOPWORDS.has(token) || /^\d+$/.test(token)) continue;
    const [s] = contentStems(token);
    if (s !== undefined && !out.has(s)) out.set(s, token);
  }
  return out;
}
