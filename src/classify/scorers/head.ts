import type { AgentIndex } from "../../indexing/types.js";
import { softmaxInPlace } from "../../indexing/softmax.js";
import type { PreparedQuery } from "../query.js";
import { marginToOthers } from "./pieces.js";
import { defineSignal, type Scorer, type ScorerOutput } from "./types.js";

/**
 * The learned head: a softmax over agents trained on their own pieces (embedding +
 * lexical features). Strong at telling agents apart; says nothing about whether any
 * agent should take the prompt (its probabilities always sum to 1).
 *
 * Features: `head_p` (probability), `head_margin` (logit minus the best other agent's logit, in ±10).
 */
export function createHeadScorer(index: AgentIndex): Scorer<HeadFeature> {
  const n = index.agents.length;
  const model = index.head.model;
  const { dense, sparse } = index.head.kernels;
  return {
    name: "head",
    score(q: PreparedQuery): ScorerOutput<HeadFeature> {
      const z = new Float64Array(n);
      const fromSparse = sparse.combine(q.sparse.index, q.sparse.value);
      for (let c = 0; c < n; c++) z[c] = model.bias[c]! + model.sparseScale * fromSparse[c]!;
      if (dense && q.vector) {
        const fromDense = dense.dotAll(q.vector);
        for (let c = 0; c < n; c++) z[c]! += model.denseScale * fromDense[c]!;
      }
      const margin = marginToOthers(z, 10);
      const p = Float64Array.from(z);
      softmaxInPlace(p);
      return { scores: p, features: { head_p: p, head_margin: margin } };
    },
  };
}

/** The features this scorer produces (fusion sums them in this order). */
const HEAD_FEATURES = ["head_p", "head_margin"] as const;
type HeadFeature = (typeof HEAD_FEATURES)[number];

export const headSignal = defineSignal({ features: HEAD_FEATURES, needs: null, create: createHeadScorer });
