import type { Piece, PieceKind } from "./types.js";
import { contentStems } from "./text.js";

/**
 * BM25F field weights: a word in an agent's name or triggers says more about what it
 * takes than the same word in a long capability list. Not-engage bullets are kept out.
 */
export const FIELD_WEIGHTS: Readonly<Record<PieceKind, number>> = {
  name: 2.5,
  trigger: 2.5,
  mustBeUsed: 1.6,
  proactive: 1.3,
  description: 1.0,
  engage: 1.3,
  capability: 1.0,
  example: 1.0,
  redirected: 1.0,
  notEngage: 0,
};

export interface Posting {
  /** Agent index (agent postings) or piece index (piece postings). */
  id: number;
  weight: number;
}

export interface KeywordIndex {
  agentCount: number;
  /** Inverse document frequency over agents, per stem. */
  idf: Map<string, number>;
  /** idf of a stem no agent uses. */
  unseenIdf: number;
  /** stem → agents with their field-weighted term frequency. */
  agentPostings: Map<string, Posting[]>;
  /** Field-weighted length of each agent's text. */
  agentLength: Float64Array;
  averageLength: number;
  /** stem → pieces with their tf-idf weight (piece vectors are L2-normalised). */
  piecePostings: Map<string, Posting[]>;
}

/** Okapi idf, never negative: `idf(df=0, N=12)` ≈ 3.93, `idf(df=12, N=12)` ≈ 0.04. */
export function bm25Idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Builds the keyword index from the pieces. `extraTerms` adds stems per piece that are
 * not in its text (the lexicon's category words for technologies it names).
 */
export function buildKeywordIndex(
  pieces: readonly Piece[],
  agentCount: number,
  extraTerms?: (piece: Piece) => string[],
): KeywordIndex {
  const pieceStems = pieces.map((p) => [...contentStems(p.text), ...(extraTerms?.(p) ?? [])]);
  const agentTf: Map<string, number>[] = Array.from({ length: agentCount }, () => new Map());
  const agentLength = new Float64Array(agentCount);
  pieces.forEach((piece, i) => {
    const w = FIELD_WEIGHTS[piece.kind];
    if (w === 0) return;
    const tf = agentTf[piece.agent]!;
    for (const s of pieceStems[i]!) tf.set(s, (tf.get(s) ?? 0) + w);
    agentLength[piece.agent]! += w * pieceStems[i]!.length;
  });
  const idf = new Map<string, number>();
  const agentPostings = new Map<string, Posting[]>();
  agentTf.forEach((tf, agent) => {
    for (const [s, weight] of tf) {
      let list = agentPostings.get(s);
      if (!list) agentPostings.set(s, (list = []));
      list.push({ id: agent, weight });
    }
  });
  for (const [s, list] of agentPostings) idf.set(s, bm25Idf(list.length, agentCount));
  const total = agentLength.reduce((a, b) => a + b, 0);
  return {
    agentCount,
    idf,
    unseenIdf: bm25Idf(0, agentCount),
    agentPostings,
    agentLength,
    averageLength: agentCount > 0 ? Math.max(total / agentCount, 1) : 1,
    piecePostings: buildPiecePostings(pieceStems, idf),
  };
}

function buildPiecePostings(pieceStems: string[][], idf: Map<string, number>): Map<string, Posting[]> {
  const postings = new Map<string, Posting[]>();
  pieceStems.forEach((stems, id) => {
    const tf = new Map<string, number>();
    for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
    let norm = 0;
    const weights: [string, number][] = [];
    for (const [s, n] of tf) {
      const w = (1 + Math.log(n)) * (idf.get(s) ?? 0);
      weights.push([s, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of weights) {
      if (w === 0) continue;
      let list = postings.get(s);
      if (!list) postings.set(s, (list = []));
      list.push({ id, weight: w / norm });
    }
  });
  return postings;
}
