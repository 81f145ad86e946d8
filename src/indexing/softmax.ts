/**
 * Multinomial logistic regression over a dense part (a sentence embedding) and a sparse
 * part (tf-idf features), trained with mini-batch Adam. Pure: same samples and options,
 * same weights, bit for bit (seeded shuffles, fixed iteration order).
 */
import { mulberry32, shuffled } from "../util/prng.js";
import type { SparseVector } from "./features.js";

export interface TrainingSample {
  dense: Float32Array | null;
  sparse: SparseVector;
  label: number;
  weight: number;
}

export interface SoftmaxOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Inputs are multiplied by these before the linear layer (sets the logit temperature). */
  denseScale: number;
  sparseScale: number;
}

export interface SoftmaxModel {
  classes: number;
  denseDim: number;
  sparseDim: number;
  denseScale: number;
  sparseScale: number;
  /** Row-major [feature][class]. */
  wDense: Float32Array;
  wSparse: Float32Array;
  bias: Float32Array;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = {
  epochs: 30,
  batchSize: 32,
  learningRate: 0.005,
  l2: 1e-4,
  seed: 7,
  denseScale: 6,
  sparseScale: 6,
};

/** Adds the model's logits for one input into `out` (length = classes), after zeroing it. */
export function softmaxLogits(
  model: SoftmaxModel,
  dense: Float32Array | null,
  sparse: SparseVector,
  out: Float64Array,
): void {
  const C = model.classes;
  for (let c = 0; c < C; c++) out[c] = model.bias[c]!;
  if (dense && model.denseDim > 0) {
    const w = model.wDense;
    for (let d = 0; d < model.denseDim; d++) {
      const x = dense[d]! * model.denseScale;
      if (x === 0) continue;
      const row = d * C;
      for (let c = 0; c < C; c++) out[c]! += x * w[row + c]!;
    }
  }
  const ws = model.wSparse;
  for (let k = 0; k < sparse.index.length; k++) {
    const x = sparse.value[k]! * model.sparseScale;
    const row = sparse.index[k]! * C;
    for (let c = 0; c < C; c++) out[c]! += x * ws[row + c]!;
  }
}

/** In-place softmax of `z`, numerically safe. */
export function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i]! - max);
  for (let i = 0; i < z.length; i++) z[i]! /= sum;
}

/**
 * Trains the model. Dense weights start at each class's mean dense input (a nearest-centroid
 * classifier), so even a short run is no worse than centroids.
 */
export function trainSoftmax(
  samples: readonly TrainingSample[],
  dims: { dense: number; sparse: number; classes: number },
  options: SoftmaxOptions,
): SoftmaxModel {
  const model = initModel(samples, dims, options);
  const adam = createAdam(model);
  const random = mulberry32(options.seed);
  const order = samples.map((_, i) => i);
  const grad = createGradient(model);
  const z = new Float64Array(dims.classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const epochOrder = shuffled(order, random);
    for (let start = 0; start < epochOrder.length; start += options.batchSize) {
      const batch = epochOrder.slice(start, start + options.batchSize);
      accumulateGradient(
        model,
        batch.map((i) => samples[i]!),
        grad,
        z,
      );
      adam.step(model, grad, options);
    }
  }
  return model;
}

function initModel(
  samples: readonly TrainingSample[],
  dims: { dense: number; sparse: number; classes: number },
  options: SoftmaxOptions,
): SoftmaxModel {
  const C = dims.classes;
  const wDense = new Float32Array(dims.dense * C);
  const mass = new Float64Array(C);
  for (const s of samples) {
    if (!s.dense) continue;
    mass[s.label]! += s.weight;
    for (let d = 0; d < dims.dense; d++) wDense[d * C + s.label]! += s.dense[d]! * s.weight;
  }
  for (let c = 0; c < C; c++) {
    let norm = 0;
    for (let d = 0; d < dims.dense; d++) norm += wDense[d * C + c]! ** 2;
    const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims.dense; d++) wDense[d * C + c]! *= k;
  }
  return {
    classes: C,
    denseDim: dims.dense,
    sparseDim: dims.sparse,
    denseScale: options.denseScale,
    sparseScale: options.sparseScale,
    wDense,
    wSparse: new Float32Array(dims.sparse * C),
    bias: new Float32Array(C),
  };
}

interface Gradient {
  dense: Float32Array;
  bias: Float32Array;
  /** Sparse gradient rows, stored densely; only `touched` rows are non-zero. */
  sparse: Float32Array;
  touched: Int32Array;
  touchedCount: number;
  isTouched: Uint8Array;
}

function createGradient(model: SoftmaxModel): Gradient {
  return {
    dense: new Float32Array(model.wDense.length),
    bias: new Float32Array(model.classes),
    sparse: new Float32Array(model.wSparse.length),
    touched: new Int32Array(model.sparseDim),
    touchedCount: 0,
    isTouched: new Uint8Array(model.sparseDim),
  };
}

function accumulateGradient(
  model: SoftmaxModel,
  batch: readonly TrainingSample[],
  grad: Gradient,
  z: Float64Array,
): void {
  const C = model.classes;
  grad.dense.fill(0);
  grad.bias.fill(0);
  for (let t = 0; t < grad.touchedCount; t++) {
    const r = grad.touched[t]!;
    grad.sparse.fill(0, r * C, r * C + C);
    grad.isTouched[r] = 0;
  }
  grad.touchedCount = 0;
  const total = batch.reduce((s, b) => s + b.weight, 0) || 1;
  for (const s of batch) {
    softmaxLogits(model, s.dense, s.sparse, z);
    softmaxInPlace(z);
    z[s.label]! -= 1;
    const k = s.weight / total;
    for (let c = 0; c < C; c++) grad.bias[c]! += z[c]! * k;
    if (s.dense) {
      for (let d = 0; d < model.denseDim; d++) {
        const x = s.dense[d]! * model.denseScale * k;
        if (x === 0) continue;
        const row = d * C;
        for (let c = 0; c < C; c++) grad.dense[row + c]! += x * z[c]!;
      }
    }
    for (let j = 0; j < s.sparse.index.length; j++) {
      const i = s.sparse.index[j]!;
      if (grad.isTouched[i] === 0) {
        grad.isTouched[i] = 1;
        grad.touched[grad.touchedCount++] = i;
      }
      const x = s.sparse.value[j]! * model.sparseScale * k;
      const row = i * C;
      for (let c = 0; c < C; c++) grad.sparse[row + c]! += x * z[c]!;
    }
  }
}

/** Adam; sparse rows are updated only when a batch touches them ("lazy Adam"). */
function createAdam(model: SoftmaxModel) {
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const m = {
    dense: new Float32Array(model.wDense.length),
    sparse: new Float32Array(model.wSparse.length),
    bias: new Float32Array(model.classes),
  };
  const v = {
    dense: new Float32Array(model.wDense.length),
    sparse: new Float32Array(model.wSparse.length),
    bias: new Float32Array(model.classes),
  };
  let t = 0;
  const update = (w: Float32Array, g: number, mm: Float32Array, vv: Float32Array, i: number, lr: number): void => {
    const mi = (mm[i] = b1 * mm[i]! + (1 - b1) * g);
    const vi = (vv[i] = b2 * vv[i]! + (1 - b2) * g * g);
    w[i]! -= (lr * mi) / (Math.sqrt(vi) + eps);
  };
  return {
    step(target: SoftmaxModel, grad: Gradient, o: SoftmaxOptions): void {
      t++;
      const lr = (o.learningRate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
      for (let i = 0; i < target.wDense.length; i++)
        update(target.wDense, grad.dense[i]! + o.l2 * target.wDense[i]!, m.dense, v.dense, i, lr);
      for (let c = 0; c < target.classes; c++) update(target.bias, grad.bias[c]!, m.bias, v.bias, c, lr);
      const C = target.classes;
      for (let t = 0; t < grad.touchedCount; t++) {
        const r = grad.touched[t]!;
        for (let c = 0; c < C; c++) {
          const i = r * C + c;
          update(target.wSparse, grad.sparse[i]! + o.l2 * target.wSparse[i]!, m.sparse, v.sparse, i, lr);
        }
      }
    },
  };
}
