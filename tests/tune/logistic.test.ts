import { describe, expect, it } from "vitest";
import { fitLogistic, predictLogistic } from "../../src/tune/logistic.js";

describe("fitLogistic", () => {
  const xs = [
    [0, 1],
    [0.2, 0.8],
    [0.3, 0.9],
    [0.7, 0.1],
    [0.8, 0.3],
    [1, 0],
  ];
  const ys = [0, 0, 0, 1, 1, 1];
  const ws = ys.map(() => 1);

  it("separates a tiny separable table", () => {
    const m = fitLogistic(xs, ys, ws, { l2: 0.01 });
    xs.forEach((x, i) => expect(predictLogistic(m, x) > 0.5).toBe(ys[i] === 1));
    expect(m.weights[0]).toBeGreaterThan(0);
    expect(m.weights[1]).toBeLessThan(0);
  });

  it("is deterministic", () => {
    expect(fitLogistic(xs, ys, ws, { l2: 0.1 })).toEqual(fitLogistic(xs, ys, ws, { l2: 0.1 }));
  });

  it("with a strong penalty toward a prior, stays near the prior", () => {
    const prior = { bias: -1, weights: [5, -5] };
    const m = fitLogistic(xs, ys, ws, { l2: 1e4, prior });
    expect(m.weights[0]).toBeCloseTo(5, 1);
    expect(m.weights[1]).toBeCloseTo(-5, 1);
    const free = fitLogistic(xs, ys, ws, { l2: 1e4 });
    expect(Math.abs(free.weights[0]!)).toBeLessThan(0.1);
  });

  it("weights rows: a heavy row pulls the fit toward its label", () => {
    const x = [[0], [0], [1], [1]];
    const light = fitLogistic(x, [0, 1, 0, 1], [1, 1, 1, 1], { l2: 0.01 });
    const heavy = fitLogistic(x, [0, 1, 0, 1], [1, 1, 1, 9], { l2: 0.01 });
    expect(predictLogistic(heavy, [1])).toBeGreaterThan(predictLogistic(light, [1]) + 0.3);
  });
});
