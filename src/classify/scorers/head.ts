import { rowMatrix } from "../../embed/kernel.js";
import { transpose } from "../../embed/vector.js";
import type { AgentIndex } from "../../indexing/types.js";
import { softmaxInPlace, softmaxLogits } from "../../indexing/softmax.js";
import type { PreparedQuery } from "../query.js";
import { marginToOthers } from "./pieces.js";
import type { Scorer, ScorerOutput } from "./types.js";

/**
 * The learned head: a softmax over agents trained on their own pieces (embedding +
 * lexical features). Strong at telling agents apart; says nothing about whether any
 * agent should take the prompt (its probabilities always sum to 1).
 *
 * Features: `head_p` (probability), `head_margin` (logit minus the best other agent's logit, in ±10).
 */
export function createHeadScorer(index: AgentIndex): Scorer {
  const n = index.agents.length;
  const model = index.head.model;
  // The dense weights are stored dims × agents; as agents × dims rows they go through the
  // dot-product kernel in one call.
  const dense = model.denseDim > 0 ? rowMatrix(transpose(model.wDense, model.denseDim, n), model.denseDim) : null;
  return {
    name: "head",
    score(q: PreparedQuery): ScorerOutput {
      const z = new Float64Array(n);
      softmaxLogits(model, null, q.sparse, z);
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
