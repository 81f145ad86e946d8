import { describe, expect, it } from "vitest";
import { bootstrapDelta, bootstrapIntervals, mulberry32, percentile } from "../../src/eval/bootstrap.js";
import { computeCalibration, decisionConfidence } from "../../src/eval/calibration.js";
import { makeCase } from "../fixtures/eval/cases.js";

const cases = Array.from({ length: 60 }, (_, i) =>
  i % 4 === 0 ? makeCase(["a"], ["b"]) : makeCase(i % 2 ? ["a"] : ["b"], i % 2 ? ["a"] : ["b"]),
);

describe("bootstrap", () => {
  it("mulberry32 repeats for a seed and differs across seeds", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[5], 0.975, 5],
    [[], 0.5, 0],
  ])("percentile(%o, %d) = %d", (values, q, expected) => {
    expect(percentile(values, q)).toBeCloseTo(expected, 10);
  });

  it("is deterministic for a seed and brackets the point estimate", () => {
    const one = bootstrapIntervals(cases, { resamples: 300, seed: 3 });
    expect(bootstrapIntervals(cases, { resamples: 300, seed: 3 })).toEqual(one);
    expect(bootstrapIntervals(cases, { resamples: 300, seed: 4 })).not.toEqual(one);
    expect(one.accuracy.low).toBeLessThan(0.75);
    expect(one.accuracy.high).toBeGreaterThan(0.75);
    expect(one.accuracy.high - one.accuracy.low).toBeGreaterThan(0.1);
    expect(one.macroF1.low).toBeLessThanOrEqual(one.macroF1.high);
  });

  it("collapses to a point when every case is right, and to 0 with no cases", () => {
    const right = [makeCase(["a"], ["a"]), makeCase([], [])];
    expect(bootstrapIntervals(right, { resamples: 100 })).toEqual({
      accuracy: { low: 1, high: 1 },
      macroF1: { low: 1, high: 1 },
    });
    expect(bootstrapIntervals([])).toEqual({ accuracy: { low: 0, high: 0 }, macroF1: { low: 0, high: 0 } });
  });
});

describe("paired bootstrap of a change", () => {
  it("is exactly 0 when both runs decided the same", () => {
    const zero = { low: 0, high: 0 };
    expect(bootstrapDelta(cases, cases, { resamples: 200 })).toEqual({
      accuracy: zero,
      macroF1: zero,
      perLabel: { a: zero, b: zero },
    });
  });

  it("excludes 0 when B fixes a quarter of the prompts and breaks none", () => {
    const fixed = cases.map((c) => (c.predicted[0] === c.expected[0] ? c : makeCase(c.expected, c.expected)));
    const delta = bootstrapDelta(cases, fixed, { resamples: 300 });
    expect(delta.accuracy.low).toBeGreaterThan(0);
    expect(delta.accuracy.high).toBeLessThanOrEqual(0.5);
    expect(delta.macroF1.low).toBeGreaterThan(0);
    // Every fix turned an "a" predicted for a "b" into a "b": both labels gain.
    expect(delta.perLabel.a!.low).toBeGreaterThan(0);
    expect(delta.perLabel.b!.low).toBeGreaterThan(0);
  });

  it("needs the same prompts on both sides", () => {
    expect(() => bootstrapDelta(cases, cases.slice(1))).toThrow(RangeError);
  });
});

describe("calibration", () => {
  it.each([
    [makeCase(["a"], ["a"], { ranked: [{ agent: "a", score: 0.7 }] }), 0.7],
    [makeCase([], [], { ranked: [{ agent: "a", score: 0.2 }] }), 0.8],
    [makeCase([], [], { ranked: [] }), 1],
  ])("decision confidence of %#", (c, confidence) => {
    expect(decisionConfidence(c)).toBeCloseTo(confidence, 10);
  });

  it("bins confidences and computes ECE by hand", () => {
    const calib = computeCalibration([
      makeCase(["a"], ["a"], { ranked: [{ agent: "a", score: 0.95 }] }),
      makeCase(["a"], ["b"], { ranked: [{ agent: "b", score: 0.95 }] }),
      makeCase([], [], { ranked: [{ agent: "a", score: 0.2 }] }),
      makeCase([], [], { ranked: [] }),
    ]);
    // bin 0.9-1.0: 3 cases, confidence (0.95+0.95+1)/3, accuracy 2/3; bin 0.8-0.9: 1 case, 0.8 vs 1.
    expect(calib.ece).toBeCloseTo((3 / 4) * Math.abs(2 / 3 - 2.9 / 3) + (1 / 4) * 0.2, 10);
    expect(calib.bins).toHaveLength(10);
    expect(calib.bins[9]).toMatchObject({ low: 0.9, high: 1, count: 3 });
    expect(calib.bins[8]).toMatchObject({ count: 1, accuracy: 1 });
    expect(calib.bins[0]).toEqual({ low: 0, high: 0.1, count: 0, confidence: 0, accuracy: 0 });
  });
});
