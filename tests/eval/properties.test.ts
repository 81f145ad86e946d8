import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeConfusion } from "../../src/eval/confusion.js";
import { computeSummary } from "../../src/eval/summary.js";
import type { ScoredCase } from "../../src/eval/metrics.js";

const AGENTS = ["a", "b", "c", "d"];
const labels = fc.uniqueArray(fc.constantFrom(...AGENTS), { maxLength: 3 });
const caseArb: fc.Arbitrary<ScoredCase> = fc.record({
  expected: labels,
  predicted: labels,
  ranked: fc
    .uniqueArray(fc.constantFrom(...AGENTS), { maxLength: 4 })
    .chain((agents) =>
      fc
        .tuple(...agents.map(() => fc.double({ min: 0, max: 1, noNaN: true })))
        .map((scores) => agents.map((agent, i) => ({ agent, score: scores[i]! })).sort((x, y) => y.score - x.score)),
    ),
});

describe("metric invariants on random cases", () => {
  it("every summary figure is a finite number in [0, 1], intervals ordered", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
        const s = computeSummary(cases, { resamples: 30 });
        const numbers = JSON.stringify(s)
          .match(/-?\d+(\.\d+)?(e-?\d+)?/g)!
          .map(Number);
        const figures = [
          s.accuracy,
          s.macro.f1,
          s.micro.f1,
          s.weighted.f1,
          s.none.f1,
          s.top1,
          s.top3,
          s.mrr,
          s.ece,
          s.ci.accuracy.low,
          s.ci.macroF1.high,
        ];
        expect(numbers.every(Number.isFinite)).toBe(true);
        expect(figures.every((x) => x >= 0 && x <= 1)).toBe(true);
        expect(s.ci.accuracy.low).toBeLessThanOrEqual(s.ci.accuracy.high);
        expect(s.top1).toBeLessThanOrEqual(s.top3);
        expect(s.mrr).toBeGreaterThanOrEqual(s.top1 - 1e-4);
      }),
      { numRuns: 150 },
    );
  });

  it("the confusion matrix sums to the number of cases", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 40 }), (cases) => {
        const { matrix } = computeConfusion(cases);
        expect(matrix.flat().reduce((x, y) => x + y, 0)).toBe(cases.length);
      }),
      { numRuns: 150 },
    );
  });

  it("is independent of case order except for the bootstrap draw", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 30 }), (cases) => {
        const { ci: _a, ...forward } = computeSummary(cases, { resamples: 10 });
        const { ci: _b, ...backward } = computeSummary([...cases].reverse(), { resamples: 10 });
        expect(backward).toEqual(forward);
      }),
      { numRuns: 100 },
    );
  });
});
