import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rowMatrix } from "../../src/embed/kernel.js";
import { dotRow } from "../../src/embed/vector.js";
import { mulberry32 } from "../../src/util/prng.js";
import { REPO_ROOT } from "../helpers/shared.js";

function randomMatrix(rows: number, dims: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  return Float32Array.from({ length: rows * dims }, () => next() * 2 - 1);
}

describe("rowMatrix (SIMD dot-product kernel)", () => {
  it("runs the WebAssembly SIMD kernel on Node 20", () => {
    expect(rowMatrix(new Float32Array(4), 2).backend).toBe("wasm-simd");
    expect(rowMatrix(new Float32Array(4), 2, { backend: "js" }).backend).toBe("js");
  });

  it.each([1, 3, 16, 17, 100, 512])("agrees with the float64 JavaScript dot product at %i dims", (dims) => {
    const rows = 37;
    const m = randomMatrix(rows, dims, dims);
    const v = randomMatrix(1, dims, dims + 1);
    const all = rowMatrix(m, dims).dotAll(v);
    expect(all).toHaveLength(rows);
    for (let r = 0; r < rows; r++) expect(all[r]).toBeCloseTo(dotRow(m, dims, r, v), 4);
    expect(rowMatrix(m, dims, { backend: "js" }).dotAll(v)).toEqual(
      Float32Array.from({ length: rows }, (_, r) => dotRow(m, dims, r, v)),
    );
  });

  it("picks rows in the order given, with repeats and more ids than rows", () => {
    const dims = 24;
    const m = randomMatrix(5, dims, 7);
    const v = randomMatrix(1, dims, 8);
    const ids = Int32Array.from([4, 0, 0, 3, 1, 2, 4, 4, 1, 0, 2, 3]);
    const wasm = rowMatrix(m, dims);
    const all = wasm.dotAll(v);
    expect(wasm.dotSome(v, ids)).toEqual(Float32Array.from(ids, (i) => all[i]!));
    expect(wasm.dotSome(v, new Int32Array(0))).toHaveLength(0);
  });

  it("gives bit-identical results for the same vector, whatever ran before", () => {
    const m = randomMatrix(50, 512, 3);
    const [a, b] = [randomMatrix(1, 512, 4), randomMatrix(1, 512, 5)];
    const k = rowMatrix(m, 512);
    const first = k.dotAll(a);
    k.dotAll(b);
    k.dotSome(b, Int32Array.from([3, 9]));
    expect(k.dotAll(a)).toEqual(first);
    expect(rowMatrix(m, 512).dotAll(a)).toEqual(first);
  });

  it("refuses a vector of the wrong length, rows out of range and a ragged matrix", () => {
    const k = rowMatrix(new Float32Array(6), 3);
    expect(() => k.dotAll(new Float32Array(2))).toThrow(/2 values, rows have 3/);
    expect(() => k.dotSome(new Float32Array(3), Int32Array.of(2))).toThrow(/row 2 is outside 0..1/);
    expect(() => rowMatrix(new Float32Array(7), 3)).toThrow(/not a whole number/);
  });

  it("an empty matrix gives empty results", () => {
    expect(rowMatrix(new Float32Array(0), 8).dotAll(new Float32Array(8))).toHaveLength(0);
  });

  it("the committed kernel bytes match a fresh compile of kernel.wat", () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts/build-kernel.mjs"), "--check"], { stdio: "pipe" }),
    ).not.toThrow();
  });
});

describe("rowMatrix.combine (weighted sum of rows)", () => {
  it.each([1, 5, 16, 77, 100])("agrees with a float64 sum at %i columns, in both backends", (dims) => {
    const rows = 40;
    const m = randomMatrix(rows, dims, dims + 10);
    const ids = Int32Array.from([3, 17, 39, 0, 22]);
    const w = Float32Array.from([0.5, -1.25, 2, 0.125, 1]);
    const expected = Array.from({ length: dims }, (_, d) => ids.reduce((s, id, k) => s + w[k]! * m[id * dims + d]!, 0));
    for (const k of [rowMatrix(m, dims), rowMatrix(m, dims, { backend: "js" })]) {
      const got = k.combine(ids, w);
      expect(got).toHaveLength(dims);
      got.forEach((g, d) => expect(g).toBeCloseTo(expected[d]!, 4));
    }
  });

  it("sums repeated rows and lists longer than the matrix; no rows give zeros", () => {
    const m = randomMatrix(3, 16, 21);
    const k = rowMatrix(m, 16);
    const ids = Int32Array.from([0, 1, 2, 0, 1, 2, 2]);
    const got = k.combine(ids, new Float32Array(7).fill(1));
    got.forEach((g, d) => expect(g).toBeCloseTo(2 * m[d]! + 2 * m[16 + d]! + 3 * m[32 + d]!, 4));
    expect(k.combine(new Int32Array(0), new Float32Array(0))).toEqual(new Float32Array(16));
    expect(() => k.combine(Int32Array.of(1), new Float32Array(2))).toThrow(/1 rows but 2 weights/);
  });

  it("a non-finite weight in combine does not leak into later dot products (the padding is cleared)", () => {
    const m = randomMatrix(4, 5, 41);
    const v = randomMatrix(1, 5, 42);
    const k = rowMatrix(m, 5);
    const before = k.dotAll(v);
    k.combine(Int32Array.of(0, 1), Float32Array.of(Number.POSITIVE_INFINITY, Number.NaN));
    expect(k.dotAll(v)).toEqual(before);
  });

  it("leaves dotAll's results alone (the two share the kernel's memory)", () => {
    const m = randomMatrix(20, 32, 31);
    const v = randomMatrix(1, 32, 32);
    const k = rowMatrix(m, 32);
    const before = k.dotAll(v);
    k.combine(Int32Array.of(1, 2), Float32Array.of(1, 1));
    expect(k.dotAll(v)).toEqual(before);
  });
});
