import { KERNEL_WASM_BASE64 } from "./kernel-wasm.js";
import { dotRow } from "./vector.js";

/**
 * A fixed matrix (rows × dims, row-major) ready to be multiplied by many vectors: the hot
 * path of routing (a prompt against every piece, centroid and head weight row).
 *
 * Backed by a 128-bit SIMD WebAssembly kernel (src/embed/kernel.wat) with its own memory,
 * about 4× faster than the JavaScript loop; where WebAssembly SIMD is missing, the JavaScript
 * loop (`dotRow`) does the same job. Sums run in float32 in the kernel (float64 in the
 * fallback), in a fixed order: a vector gives the same result every time, whatever else the
 * caller computes, so routing one prompt and routing it in a batch agree exactly.
 */
export interface RowMatrix {
  readonly rows: number;
  readonly dims: number;
  /** Which implementation runs: "wasm-simd" or "js". */
  readonly backend: "wasm-simd" | "js";
  /** `v` · every row (a new array of length `rows`). */
  dotAll(v: Float32Array): Float32Array;
  /** `v` · the rows `ids` (a new array, one value per id, in the order given). */
  dotSome(v: Float32Array, ids: Int32Array): Float32Array;
  /** Σ weights[k] × row ids[k] (a new array of length `dims`): a sparse vector times the matrix. */
  combine(ids: Int32Array, weights: Float32Array): Float32Array;
}

/** The part of the WebAssembly global this file uses (the project's TypeScript libs omit the DOM ones). */
interface WasmModule {
  readonly kind?: "module";
}
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule) => { exports: unknown };
};
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** Floats per row in the kernel's memory: dims rounded up to 16 (one 64-byte step). */
const STEP = 16;
const PAGE = 65536;

let compiled: WasmModule | null | undefined;

/** The compiled kernel, or null where this runtime lacks WebAssembly SIMD. Compiled once. */
function kernelModule(): WasmModule | null {
  if (compiled === undefined) {
    const bytes = Buffer.from(KERNEL_WASM_BASE64, "base64");
    compiled = typeof WebAssembly === "object" && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/**
 * A RowMatrix over a copy of `data` (rows × dims). `backend: "js"` forces the JavaScript
 * loop (tests compare the two).
 *
 * @example rowMatrix(Float32Array.of(1, 0, 0, 1), 2).dotAll(Float32Array.of(2, 3)); // [2, 3]
 */
export function rowMatrix(data: Float32Array, dims: number, options: { backend?: "js" } = {}): RowMatrix {
  const rows = dims === 0 ? 0 : data.length / dims;
  if (!Number.isInteger(rows))
    throw new RangeError(`rowMatrix: ${data.length} values is not a whole number of ${dims}-float rows`);
  const module = options.backend === "js" ? null : kernelModule();
  if (!module || dims === 0) return jsMatrix(data, rows, dims);
  try {
    return wasmMatrix(module, data, rows, dims);
  } catch (err) {
    // Memory the kernel cannot get (wasm32 stops at 4 GiB) leaves the JavaScript loop.
    if (err instanceof RangeError) return jsMatrix(data, rows, dims);
    throw err;
  }
}

function jsMatrix(data: Float32Array, rows: number, dims: number): RowMatrix {
  const copy = Float32Array.from(data);
  return {
    rows,
    dims,
    backend: "js",
    dotAll(v) {
      const out = new Float32Array(rows);
      for (let r = 0; r < rows; r++) out[r] = dotRow(copy, dims, r, v);
      return out;
    },
    dotSome(v, ids) {
      const out = new Float32Array(ids.length);
      for (let k = 0; k < ids.length; k++) out[k] = dotRow(copy, dims, ids[k]!, v);
      return out;
    },
    combine(ids, weights) {
      const out = new Float64Array(dims);
      for (let k = 0; k < ids.length; k++) {
        const base = ids[k]! * dims;
        for (let d = 0; d < dims; d++) out[d]! += weights[k]! * copy[base + d]!;
      }
      return Float32Array.from(out);
    },
  };
}

interface KernelExports {
  memory: WasmMemory;
  dotRows(mat: number, rows: number, stride: number, vec: number, out: number): void;
  dotPicked(mat: number, stride: number, vec: number, ids: number, count: number, out: number): void;
  combinePicked(mat: number, stride: number, ids: number, xs: number, count: number, out: number): void;
}

/**
 * Memory layout (bytes, all 16-aligned): [matrix rows × stride][vector][ids: rows int32][out: rows float32].
 * combine reuses them: the vector region receives the sum, the out region holds the weights.
 */
function wasmMatrix(module: WasmModule, data: Float32Array, rows: number, dims: number): RowMatrix {
  const padded = Math.ceil(dims / STEP) * STEP;
  const stride = padded * 4;
  const vecAt = rows * stride;
  const idsAt = vecAt + stride;
  const outAt = idsAt + align16(rows * 4);
  const bytes = outAt + align16(rows * 4);
  const k = new WebAssembly.Instance(module).exports as unknown as KernelExports;
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / PAGE));
  const memory = new Float32Array(k.memory.buffer);
  for (let r = 0; r < rows; r++) memory.set(data.subarray(r * dims, (r + 1) * dims), r * padded);
  // The whole padded row: combine writes all of it, so load clears the padding every time.
  const vector = new Float32Array(k.memory.buffer, vecAt, padded);
  const ids = new Int32Array(k.memory.buffer, idsAt, rows);
  const out = new Float32Array(k.memory.buffer, outAt, rows);
  const weights = out;
  const sum = new Float32Array(k.memory.buffer, vecAt, dims);
  const checkIds = (picked: Int32Array): void => {
    for (let i = 0; i < picked.length; i++) {
      const id = picked[i]!;
      if (!(id >= 0 && id < rows)) throw new RangeError(`rowMatrix: row ${id} is outside 0..${rows - 1}`);
    }
  };
  const load = (v: Float32Array): void => {
    if (v.length !== dims) throw new RangeError(`rowMatrix: vector has ${v.length} values, rows have ${dims}`);
    vector.set(v);
    vector.fill(0, dims);
  };
  return {
    rows,
    dims,
    backend: "wasm-simd",
    dotAll(v) {
      load(v);
      k.dotRows(0, rows, stride, vecAt, outAt);
      return out.slice(0, rows);
    },
    dotSome(v, picked) {
      load(v);
      checkIds(picked);
      const result = new Float32Array(picked.length);
      // The ids and out regions hold `rows` entries: longer lists go through in chunks.
      for (let from = 0; from < picked.length; from += rows) {
        const chunk = picked.subarray(from, Math.min(from + rows, picked.length));
        ids.set(chunk);
        k.dotPicked(0, stride, vecAt, idsAt, chunk.length, outAt);
        result.set(out.subarray(0, chunk.length), from);
      }
      return result;
    },
    combine(picked, xs) {
      if (xs.length !== picked.length)
        throw new RangeError(`rowMatrix: ${picked.length} rows but ${xs.length} weights`);
      checkIds(picked);
      const result = new Float32Array(dims);
      // The ids and weights regions hold `rows` entries: longer lists go through in chunks.
      for (let from = 0; from < picked.length; from += rows) {
        const to = Math.min(from + rows, picked.length);
        ids.set(picked.subarray(from, to));
        weights.set(xs.subarray(from, to));
        k.combinePicked(0, stride, idsAt, outAt, to - from, vecAt);
        for (let d = 0; d < dims; d++) result[d]! += sum[d]!;
      }
      return result;
    },
  };
}

function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}
