import type { AgentIndex } from "../../indexing/types.js";
import type { PreparedQuery } from "../query.js";
import { bestPieceOf, maxByAgent } from "./pieces.js";
import { defineSignal, type Scorer, type ScorerOutput } from "./types.js";

const K1 = 1.2;
const B = 0.75;

/**
 * BM25F over each agent's fields, plus idf-weighted coverage: the share of the prompt's
 * information that the agent's text accounts for. Coverage is absolute (a prompt about
 * nothing the agents mention covers little of anything), BM25 is relative to the best agent.
 *
 * Features: `kw_cov` ∈ [0,1], `kw_rel` = BM25 / best BM25 ∈ [0,1], `lex_max` = best tf-idf
 * cosine to one of the agent's pieces; `kw_best` = the best kw_cov of any agent, the same for
 * every agent (how much of the prompt the set's words cover at all: it moves only the none decision).
 */
export function createKeywordScorer(index: AgentIndex): Scorer<KeywordFeature> {
  const kw = index.keyword;
  const n = index.agents.length;
  const positive = index.derived.groups.positive;
  return {
    name: "keyword",
    score(q: PreparedQuery): ScorerOutput<KeywordFeature> {
      const bm25 = new Float64Array(n);
      const covered = new Float64Array(n);
      let total = 0;
      for (const t of q.terms) {
        const idf = kw.idf.get(t) ?? kw.unseenIdf;
        total += idf;
        for (const post of kw.agentPostings.get(t) ?? []) {
          const lengthNorm = 1 - B + (B * kw.agentLength[post.id]!) / kw.averageLength;
          bm25[post.id]! += (idf * post.weight * (K1 + 1)) / (post.weight + K1 * lengthNorm);
          covered[post.id]! += idf;
        }
      }
      const best = Math.max(0, ...bm25);
      const kwCov = covered.map((c) => (total > 0 ? c / total : 0));
      const kwRel = bm25.map((s) => (best > 0 ? s / best : 0));
      const lexMax = maxByAgent(positive, q.pieceLex).map((v) => Math.max(0, v));
      const scores = kwRel.map((r, a) => Math.sqrt(r * kwCov[a]!));
      const kwBest = new Float64Array(n).fill(n > 0 ? Math.max(...kwCov) : 0);
      return { scores, features: { kw_cov: kwCov, kw_rel: kwRel, lex_max: lexMax, kw_best: kwBest } };
    },
    explain(q, agent) {
      return { bestPiece: bestPieceOf(index, agent, q.pieceLex) };
    },
  };
}

/** The features this scorer produces (fusion sums them in this order). */
const KEYWORD_FEATURES = ["kw_cov", "kw_rel", "lex_max", "kw_best"] as const;
type KeywordFeature = (typeof KEYWORD_FEATURES)[number];

export const keywordSignal = defineSignal({ features: KEYWORD_FEATURES, needs: null, create: createKeywordScorer });
