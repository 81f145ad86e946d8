import { rowMatrix, type RowMatrix } from "../../embed/kernel.js";
import { transpose } from "../../embed/vector.js";
import type { AgentIndex } from "../../indexing/types.js";
import { softmaxInPlace, type SoftmaxModel } from "../../indexing/softmax.js";
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
interface HeadKernels {
  dense: RowMatrix | null;
  sparse: RowMatrix;
}

const kernels = new WeakMap<SoftmaxModel, HeadKernels>();

/**
 * The logits of softmaxLogits through the SIMD kernel (set up once per model): the dense
 * weights (stored dims × agents) as agents × dims rows, and the sparse weights (features ×
 * agents) as rows that the prompt's features pick and weigh.
 */
function kernelsOf(model: SoftmaxModel): HeadKernels {
  let k = kernels.get(model);
  if (!k) {
    const C = model.classes;
    k = {
      dense: model.denseDim > 0 ? rowMatrix(transpose(model.wDense, model.denseDim, C), model.denseDim) : null,
      sparse: rowMatrix(model.wSparse, C),
    };
    kernels.set(model, k);
  }
  return k;
}

export function createHeadScorer(index: AgentIndex): Scorer {
  const n = index.agents.length;
  const model = index.head.model;
  const { dense, sparse } = kernelsOf(model);
  return {
    name: "head",
    score(q: PreparedQuery): ScorerOutput {
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
