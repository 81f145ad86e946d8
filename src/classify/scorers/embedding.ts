import { maxOr } from "../../embed/vector.js";
import type { AgentIndex } from "../../indexing/types.js";
import type { PreparedQuery } from "../query.js";
import { exactAgentCosines } from "../similarity.js";
import { bestPieceOf, marginToOthers } from "./pieces.js";
import { defineSignal, type Scorer, type ScorerOutput } from "./types.js";

/**
 * Cosine similarity of the prompt to each agent's positive pieces (description clauses,
 * mandates, engage bullets, capabilities, examples, triggers).
 *
 * Features: `emb_max` (best piece), `emb_top3` (mean of the best three), `emb_margin`
 * (emb_max minus the best other agent's emb_max), `bg_margin` (how much closer the prompt is
 * to everyday off-topic requests than to the agent: evidence for none), `emb_best` (the best
 * emb_max of any agent, the same for every agent: how close the prompt comes to the set at all,
 * which moves only the none decision, never the ranking), `emb_typ` (emb_max minus the agent's
 * typical similarity, see typicalSimilarity; 0 when the set has no examples). All 0 in
 * keyword-only mode.
 */
export function createEmbeddingScorer(index: AgentIndex): Scorer<EmbeddingFeature> {
  const n = index.agents.length;
  const byAgent = index.derived.groups.positive;
  const typical = index.derived.typical;
  return {
    name: "embedding",
    score(q: PreparedQuery): ScorerOutput<EmbeddingFeature> {
      const embMax = new Float64Array(n);
      const embTop3 = new Float64Array(n);
      const sims = q.pieceCos;
      if (sims) {
        byAgent.forEach((ids, a) => {
          // The three best similarities, kept sorted without allocating (-1 = none yet).
          let t0 = -1;
          let t1 = -1;
          let t2 = -1;
          for (const i of ids) {
            const s = sims[i]!;
            if (s <= t2) continue;
            if (s > t0) [t0, t1, t2] = [s, t0, t1];
            else if (s > t1) [t1, t2] = [s, t1];
            else t2 = s;
          }
          const kept = [t0, t1, t2].filter((s) => s > -1);
          embMax[a] = kept[0] ?? 0;
          embTop3[a] = kept.length ? kept.reduce((x, y) => x + y, 0) / kept.length : 0;
        });
      }
      const embMargin = sims ? marginToOthers(embMax, 1) : new Float64Array(n);
      const scores = embMax.map((s) => Math.max(0, s));
      const bgMargin = embMax.map((s) => (sims ? q.background - s : 0));
      const embBest = new Float64Array(n).fill(sims ? maxOr(embMax, 0) : 0);
      const embTyp = embMax.map((s, a) => (sims && !Number.isNaN(typical[a]!) ? s - typical[a]! : 0));
      return {
        scores,
        features: {
          emb_max: embMax,
          emb_top3: embTop3,
          emb_margin: embMargin,
          bg_margin: bgMargin,
          emb_best: embBest,
          emb_typ: embTyp,
        },
      };
    },
    explain(q, agent) {
      if (!q.pieceCos || !q.vector) return {};
      const sims = q.exactAgents?.[agent] ? q.pieceCos : exactAgentCosines(index, q.vector, agent, q.pieceCos);
      return { bestPiece: bestPieceOf(index, agent, sims) };
    },
  };
}

/** The features this scorer produces (fusion sums them in this order). */
const EMBEDDING_FEATURES = ["emb_max", "emb_top3", "emb_margin", "bg_margin", "emb_best", "emb_typ"] as const;
type EmbeddingFeature = (typeof EMBEDDING_FEATURES)[number];

export const embeddingSignal = defineSignal({
  features: EMBEDDING_FEATURES,
  needs: "embeddings",
  create: createEmbeddingScorer,
});
