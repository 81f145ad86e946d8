import { maxOr } from "../embed/vector.js";
import { pieceCosines } from "./similarity.js";
import { sparseFeatures, type SparseVector } from "../indexing/features.js";
import { expandWithLexicon, lexiconWords } from "../indexing/expand.js";
import { contentStems, stemAll } from "../indexing/text.js";
import type { AgentIndex } from "../indexing/types.js";

/**
 * A prompt prepared once for every scorer: its stems, its lexical and embedding similarity
 * to every piece of every agent. Scorers only read it, so nothing is computed twice.
 */
export interface PreparedQuery {
  prompt: string;
  /** Stems of every token, stop words included (phrase matching). */
  stems: string[];
  /** Unique content stems, lexicon words included. */
  terms: string[];
  /** Technology names found in the prompt, with their implied words. */
  lexicon: string[];
  /** Head features of the prompt (lexicon-expanded). */
  sparse: SparseVector;
  vector: Float32Array | null;
  /** Cosine of the prompt to each piece (null in keyword-only mode; see pieceCosines). */
  pieceCos: Float32Array | null;
  /** Per agent, 1 when its pieces were compared exactly (large sets compare the nearest agents only). */
  exactAgents: Uint8Array | null;
  /** tf-idf cosine of the prompt to each piece. */
  pieceLex: Float32Array;
  /** Best cosine of the prompt to the everyday background requests (0 in keyword-only mode). */
  background: number;
}

export function prepareQuery(index: AgentIndex, prompt: string, vector: Float32Array | null): PreparedQuery {
  const lexicon = lexiconWords(prompt);
  const similarity = vector && index.vectors ? pieceCosines(index, vector) : null;
  const terms = [...new Set([...contentStems(prompt), ...contentStems(lexicon.join(" "))])];
  return {
    prompt,
    stems: stemAll(prompt),
    terms,
    lexicon,
    sparse: sparseFeatures(expandWithLexicon(prompt, lexicon), index.head.vocab),
    vector,
    pieceCos: similarity?.cos ?? null,
    exactAgents: similarity?.exact ?? null,
    pieceLex: lexicalToPieces(index, terms),
    background: vector && index.background ? maxOr(index.derived.backgroundRows!.dotAll(vector), 0) : 0,
  };
}

function lexicalToPieces(index: AgentIndex, terms: readonly string[]): Float32Array {
  const out = new Float32Array(index.pieces.length);
  let norm = 0;
  for (const t of terms) {
    const idf = index.keyword.idf.get(t);
    if (idf === undefined) {
      norm += index.keyword.unseenIdf ** 2;
      continue;
    }
    norm += idf * idf;
    for (const post of index.keyword.piecePostings.get(t) ?? []) out[post.id]! += idf * post.weight;
  }
  const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < out.length; i++) out[i]! *= k;
  return out;
}
