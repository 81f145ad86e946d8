import { describe, expect, it } from "vitest";
import { cosine, dot, norm, normalize, transpose } from "../../src/embed/vector.js";

const f = (...values: number[]) => Float32Array.from(values);

describe("vector math", () => {
  it.each([
    { a: f(1, 2), b: f(3, 4), expected: 11 },
    { a: f(0, 0), b: f(3, 4), expected: 0 },
    { a: f(-1, 1), b: f(1, 1), expected: 0 },
    { a: f(), b: f(), expected: 0 },
  ])("dot($a, $b) = $expected", ({ a, b, expected }) => {
    expect(dot(a, b)).toBe(expected);
  });

  it("refuses vectors of different lengths", () => {
    expect(() => dot(f(1), f(1, 2))).toThrow(/lengths differ/);
  });

  it.each([
    { input: [3, 4], expected: [0.6, 0.8] },
    { input: [0, 0, 5], expected: [0, 0, 1] },
    { input: [0, 0], expected: [0, 0] },
    { input: [-2], expected: [-1] },
  ])("normalize($input) = $expected", ({ input, expected }) => {
    expect([...normalize(input)]).toEqual(expected.map((x) => Math.fround(x)));
  });

  it("normalises to unit length in float64, then rounds once to float32", () => {
    const v = normalize([1e-20, 3e-20, 7e-20]);
    expect(norm(v)).toBeCloseTo(1, 6);
    expect(v).toBeInstanceOf(Float32Array);
  });

  it.each([
    { a: f(1, 0), b: f(1, 1), expected: Math.SQRT1_2 },
    { a: f(1, 0), b: f(-3, 0), expected: -1 },
    { a: f(2, 2), b: f(5, 5), expected: 1 },
    { a: f(0, 0), b: f(1, 1), expected: 0 },
    { a: f(0, 1), b: f(1, 0), expected: 0 },
  ])("cosine($a, $b) ≈ $expected", ({ a, b, expected }) => {
    expect(cosine(a, b)).toBeCloseTo(expected, 6);
  });
});

describe("dotRows", () => {
  it("gives each row's dot product with the vector, for any dims (tail included)", async () => {
    const { dotRows, dot } = await import("../../src/embed/vector.js");
    for (const dims of [1, 3, 4, 7, 512]) {
      const rows = 5;
      const m = Float32Array.from({ length: rows * dims }, (_, i) => Math.sin(i + 1));
      const v = Float32Array.from({ length: dims }, (_, i) => Math.cos(i));
      const out = dotRows(m, dims, v);
      expect(out.length).toBe(rows);
      for (let r = 0; r < rows; r++) {
        const exact = dot(m.subarray(r * dims, (r + 1) * dims), v);
        // out is float32: equal to the float64 sum up to float32 rounding.
        expect(Math.abs(out[r]! - exact)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(exact)));
      }
    }
    expect(dotRows(new Float32Array(0), 0, new Float32Array(0)).length).toBe(0);
  });
});

describe("meanDirection", () => {
  it("is the unit-length mean of the chosen rows, zeros for none", async () => {
    const { meanDirection } = await import("../../src/embed/vector.js");
    const m = Float32Array.of(1, 0, 0, 1, 5, 5);
    expect([...meanDirection(m, 2, [0, 1])].map((x) => Number(x.toFixed(4)))).toEqual([0.7071, 0.7071]);
    expect([...meanDirection(m, 2, Int32Array.of(0))]).toEqual([1, 0]);
    expect([...meanDirection(m, 2, [])]).toEqual([0, 0]);
  });
});

describe("transpose", () => {
  it("turns rows × cols into cols × rows", () => {
    expect(transpose(Float32Array.of(1, 2, 3, 4, 5, 6), 2, 3)).toEqual(Float32Array.of(1, 4, 2, 5, 3, 6));
    expect(transpose(new Float32Array(0), 0, 5)).toHaveLength(0);
  });
});
