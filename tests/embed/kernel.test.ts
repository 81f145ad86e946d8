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
    expect(rowMatrix(m, dims, { backend: "js" }).dotAll(v)).toEqual(Float32Array.from({ length: rows }, (_, r) => dotRow(m, dims, r, v)));
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
    expect(() => execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts/build-kernel.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
