import { sigmoid } from "../classify/scorers/fused.js";

/**
 * Weighted binary logistic regression with an L2 penalty, fitted by Newton's method
 * (a dozen features: the Hessian is tiny). Pure and deterministic.
 *
 * @example
 * const m = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], [1, 1, 1, 1], { l2: 0.01 });
 * predictLogistic(m, [3]) > 0.5 // true
 */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

export function predictLogistic(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let j = 0; j < m.weights.length; j++) z += m.weights[j]! * x[j]!;
  return sigmoid(z);
}

export interface LogisticOptions {
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  iterations?: number;
  /** Model the penalty pulls the weights toward (default all 0); also the starting point. */
  prior?: LogisticModel;
}

/**
 * Fits the model. With `prior`, the penalty is l2·‖w − prior‖²: a refit that stays near a
 * model known to work elsewhere unless the data clearly say otherwise.
 */
const MAX_STEP = 2;

export function fitLogistic(
  xs: readonly ArrayLike<number>[],
  ys: readonly number[],
  ws: readonly number[],
  options: LogisticOptions,
): LogisticModel {
  const d = xs[0]?.length ?? 0;
  const prior = options.prior?.weights ?? new Array<number>(d).fill(0);
  const beta = new Float64Array(d + 1); // beta[0] is the bias (not penalised)
  beta[0] = options.prior?.bias ?? 0;
  for (let j = 0; j < d; j++) beta[j + 1] = prior[j] ?? 0;
  for (let it = 0; it < (options.iterations ?? 50); it++) {
    const grad = new Float64Array(d + 1);
    const hess = Array.from({ length: d + 1 }, () => new Float64Array(d + 1));
    xs.forEach((x, i) => {
      let z = beta[0]!;
      for (let j = 0; j < d; j++) z += beta[j + 1]! * x[j]!;
      const p = sigmoid(z);
      const w = ws[i]!;
      const r = (p - ys[i]!) * w;
      const h = p * (1 - p) * w;
      for (let j = 0; j <= d; j++) {
        const xj = j === 0 ? 1 : x[j - 1]!;
        grad[j]! += r * xj;
        for (let k = 0; k <= j; k++) hess[j]![k]! += h * xj * (k === 0 ? 1 : x[k - 1]!);
      }
    });
    for (let j = 1; j <= d; j++) {
      grad[j]! += options.l2 * (beta[j]! - (prior[j - 1] ?? 0));
      hess[j]![j]! += options.l2;
    }
    for (let j = 0; j <= d; j++) for (let k = j + 1; k <= d; k++) hess[j]![k] = hess[k]![j]!;
    hess[0]![0]! += 1e-9;
    const step = solve(hess, grad);
    // Saturated sigmoids make the Hessian nearly singular far from the optimum: cap each
    // Newton step so a distant start (a prior) cannot overshoot into nonsense.
    const largest = step.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    const scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
    let change = 0;
    for (let j = 0; j <= d; j++) {
      step[j]! *= scale;
      beta[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-8) break;
  }
  return { bias: beta[0]!, weights: Array.from(beta.subarray(1)) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * x[c]!;
    x[r] = s / (m[r]![r]! || 1e-12);
  }
  return x;
}
