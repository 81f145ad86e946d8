import type { AgentIndex } from "../../indexing/types.js";
import type { PreparedQuery } from "../query.js";
import { pieceGroups } from "./pieces.js";
import type { Scorer, ScorerOutput } from "./types.js";

/** Neighbours that vote, and the temperature of their votes (in centred-cosine units). */
export const KNN_NEIGHBOURS = 10;
export const KNN_TEMPERATURE = 0.05;

/** Per positive piece: its id, its dot with the set's mean vector and its distance to it. */
interface CentredPieces {
  ids: Int32Array;
  agentOf: Int32Array;
  dotMean: Float64Array;
  normCentred: Float64Array;
  mean: Float64Array;
  meanNorm2: number;
}

/**
 * The set's mean positive-piece vector and what is needed to turn a piece cosine into the
 * cosine of the centred vectors: (q·p − q·μ − p·μ + μ·μ) / (|q − μ| |p − μ|). Sentence
 * encoders put every text of one domain in a narrow cone; centring on the set's mean spreads
 * it, so neighbours are told apart by what differs between agents, not by what they share.
 */
function centre(index: AgentIndex): CentredPieces {
  const D = index.dims;
  const vectors = index.vectors!;
  const ids = Int32Array.from(pieceGroups(index).positive.flatMap((g) => [...g]).sort((a, b) => a - b));
  const mean = new Float64Array(D);
  for (const i of ids) for (let d = 0; d < D; d++) mean[d]! += vectors[i * D + d]! / ids.length;
  let meanNorm2 = 0;
  for (let d = 0; d < D; d++) meanNorm2 += mean[d]! ** 2;
  const dotMean = new Float64Array(ids.length);
  const normCentred = new Float64Array(ids.length);
  ids.forEach((i, k) => {
    let dm = 0;
    let n2 = 0;
    for (let d = 0; d < D; d++) {
      const v = vectors[i * D + d]!;
      dm += v * mean[d]!;
      n2 += v * v;
    }
    dotMean[k] = dm;
    normCentred[k] = Math.sqrt(Math.max(n2 - 2 * dm + meanNorm2, 1e-12));
  });
  return { ids, agentOf: Int32Array.from(ids, (i) => index.pieces[i]!.agent), dotMean, normCentred, mean, meanNorm2 };
}

/**
 * A vote of the prompt's nearest pieces (centred cosine), each weighted by
 * exp((s − s_best) / T). Unlike `emb_max` (one best piece per agent) it counts how many of
 * an agent's pieces agree, which separates agents whose single best pieces tie.
 *
 * Feature: `emb_knn`, the agent's share of the vote in [0, 1] (0 in keyword-only mode).
 */
export function createKnnScorer(index: AgentIndex): Scorer {
  const n = index.agents.length;
  const c = index.vectors ? centre(index) : null;
  return {
    name: "knn",
    score(q: PreparedQuery): ScorerOutput {
      const vote = new Float64Array(n);
      if (c && q.vector && q.pieceCos) knnVote(c, q.vector, q.pieceCos, vote);
      return { scores: vote, features: { emb_knn: vote } };
    },
  };
}

function knnVote(c: CentredPieces, vector: Float32Array, cos: Float32Array, vote: Float64Array): void {
  let qm = 0;
  for (let d = 0; d < c.mean.length; d++) qm += vector[d]! * c.mean[d]!;
  const qNorm = Math.sqrt(Math.max(1 - 2 * qm + c.meanNorm2, 1e-12));
  const K = Math.min(KNN_NEIGHBOURS, c.ids.length);
  // The K best (similarity, piece) kept sorted, best first; ties keep the lower piece id.
  const topS = new Float64Array(K).fill(-Infinity);
  const topK = new Int32Array(K).fill(-1);
  for (let k = 0; k < c.ids.length; k++) {
    const s = (cos[c.ids[k]!]! - qm - c.dotMean[k]! + c.meanNorm2) / (qNorm * c.normCentred[k]!);
    if (s <= topS[K - 1]!) continue;
    let j = K - 1;
    while (j > 0 && topS[j - 1]! < s) {
      topS[j] = topS[j - 1]!;
      topK[j] = topK[j - 1]!;
      j--;
    }
    topS[j] = s;
    topK[j] = k;
  }
  let total = 0;
  for (let j = 0; j < K && topK[j]! >= 0; j++) {
    const w = Math.exp((topS[j]! - topS[0]!) / KNN_TEMPERATURE);
    vote[c.agentOf[topK[j]!]!]! += w;
    total += w;
  }
  if (total > 0) for (let a = 0; a < vote.length; a++) vote[a]! /= total;
}
