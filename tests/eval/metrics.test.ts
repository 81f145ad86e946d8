import { describe, expect, it } from "vitest";
import {
  averagePrf,
  computePrf,
  computeRanking,
  countClasses,
  isExactMatch,
  safeDivide,
} from "../../src/eval/metrics.js";
import { computeConfusion, confusionCell, topConfusions } from "../../src/eval/confusion.js";
import { computeByTag, computePerAgent, computeSummary } from "../../src/eval/summary.js";
import { makeCase } from "../fixtures/eval/cases.js";

// Six cases worked by hand (see the expectations): single-label, a miss, none rows, multi-label.
const mixed = [
  makeCase(["a"], ["a"]),
  makeCase(["a"], ["b"], {
    ranked: [
      { agent: "b", score: 0.9 },
      { agent: "a", score: 0.8 },
    ],
  }),
  makeCase(["b"], ["b"]),
  makeCase([], [], { ranked: [{ agent: "a", score: 0.2 }] }),
  makeCase([], ["a"]),
  makeCase(["a", "b"], ["a"]),
];

describe("per-class counts and scores", () => {
  it("counts agents one-vs-rest and none as its own class", () => {
    expect(Object.fromEntries(countClasses(mixed))).toEqual({
      a: { tp: 2, fp: 1, fn: 1 },
      b: { tp: 1, fp: 1, fn: 1 },
      none: { tp: 1, fp: 0, fn: 1 },
    });
  });

  it.each([
    [
      { tp: 2, fp: 1, fn: 1 },
      { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 },
    ],
    [
      { tp: 0, fp: 0, fn: 0 },
      { precision: 0, recall: 0, f1: 0, support: 0 },
    ],
    [
      { tp: 0, fp: 3, fn: 0 },
      { precision: 0, recall: 0, f1: 0, support: 0 },
    ],
    [
      { tp: 1, fp: 0, fn: 3 },
      { precision: 1, recall: 0.25, f1: 0.4, support: 4 },
    ],
  ])("computePrf(%o) = %o, never NaN", (counts, expected) => {
    const prf = computePrf(counts);
    expect(prf.precision).toBeCloseTo(expected.precision, 10);
    expect(prf.recall).toBeCloseTo(expected.recall, 10);
    expect(prf.f1).toBeCloseTo(expected.f1, 10);
    expect(prf.support).toBe(expected.support);
  });

  it("defines 0/0 as 0", () => {
    expect(safeDivide(0, 0)).toBe(0);
    expect(safeDivide(1, 0)).toBe(0);
  });

  it("averages macro (none included), weighted by support, and micro over pooled counts", () => {
    const avg = averagePrf(countClasses(mixed));
    expect(avg.macro.f1).toBeCloseTo((2 / 3 + 1 / 2 + 2 / 3) / 3, 10);
    expect(avg.macro.precision).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 10);
    expect(avg.weighted.f1).toBeCloseTo((3 * (2 / 3) + 2 * 0.5 + 2 * (2 / 3)) / 7, 10);
    expect(avg.micro.precision).toBeCloseTo(4 / 6, 10);
    expect(avg.micro.recall).toBeCloseTo(4 / 7, 10);
    expect(avg.micro.f1).toBeCloseTo(8 / 13, 10);
  });

  it.each([
    [["a", "b"], ["b", "a"], true],
    [["a"], ["a", "b"], false],
    [[], [], true],
    [[], ["a"], false],
  ])("exact match of expected %o and predicted %o is %s", (expected, predicted, match) => {
    expect(isExactMatch({ expected, predicted })).toBe(match);
  });
});

describe("ranking metrics", () => {
  it("scores top-1, top-3 and MRR, none rows by abstention", () => {
    const r = computeRanking(mixed);
    expect(r.top1).toBeCloseTo(4 / 6, 10);
    expect(r.top3).toBeCloseTo(5 / 6, 10);
    expect(r.mrr).toBeCloseTo(4.5 / 6, 10);
  });

  it("gives 0 when no expected agent is ranked, and 0 for no cases", () => {
    expect(computeRanking([makeCase(["z"], ["a"])])).toEqual({ top1: 0, top3: 0, mrr: 0 });
    expect(computeRanking([])).toEqual({ top1: 0, top3: 0, mrr: 0 });
  });

  it("counts rank 4 for MRR but not top-3", () => {
    const ranked = ["a", "b", "c", "d"].map((agent, i) => ({ agent, score: 0.9 - i * 0.1 }));
    expect(computeRanking([makeCase(["d"], ["a"], { ranked })])).toEqual({ top1: 0, top3: 0, mrr: 0.25 });
  });
});

describe("confusion matrix", () => {
  it.each([
    [["a"], ["a"], ["a", "a"]],
    [
      ["a", "b"],
      ["c", "a"],
      ["a", "a"],
    ],
    [["a", "b"], ["b"], ["a", "b"]],
    [[], ["c"], ["none", "c"]],
    [["a"], [], ["a", "none"]],
    [[], [], ["none", "none"]],
  ])("expected %o, predicted %o counts in cell %o", (expected, predicted, cell) => {
    expect(confusionCell({ expected, predicted })).toEqual(cell);
  });

  it("sums to the number of cases, labels sorted with none last", () => {
    expect(computeConfusion(mixed)).toEqual({
      labels: ["a", "b", "none"],
      matrix: [
        [2, 1, 0],
        [0, 1, 0],
        [1, 0, 1],
      ],
    });
  });

  it("includes agents that never occur when asked", () => {
    expect(computeConfusion([makeCase([], [])], ["z", "y"]).labels).toEqual(["y", "z", "none"]);
  });

  it("lists the worst confusions with the first example prompt", () => {
    const cases = [
      makeCase(["a"], ["b"], { prompt: "first" }),
      makeCase(["a"], ["b"], { prompt: "second" }),
      makeCase([], ["a"], { prompt: "p" }),
    ];
    expect(topConfusions(cases)).toEqual([
      { expected: "a", predicted: "b", count: 2, example: "first" },
      { expected: "none", predicted: "a", count: 1, example: "p" },
    ]);
  });
});

describe("computeSummary", () => {
  it("matches the hand-computed figures (rounded to 4 decimals)", () => {
    const s = computeSummary(mixed, { resamples: 50 });
    expect(s).toMatchObject({
      accuracy: 0.5,
      macro: { precision: 0.7222, recall: 0.5556, f1: 0.6111 },
      micro: { precision: 0.6667, recall: 0.5714, f1: 0.6154 },
      weighted: { f1: 0.619 },
      none: { precision: 1, recall: 0.5, f1: 0.6667, support: 2 },
      top1: 0.6667,
      top3: 0.8333,
      mrr: 0.75,
    });
  });

  it("handles an all-none dataset where the router abstains every time", () => {
    const s = computeSummary([makeCase([], []), makeCase([], [])]);
    expect(s).toMatchObject({
      accuracy: 1,
      macro: { f1: 1 },
      none: { precision: 1, recall: 1, f1: 1, support: 2 },
      top1: 1,
      top3: 1,
      mrr: 1,
    });
  });

  it("has no NaN for an empty case list or when nothing is ever right", () => {
    for (const cases of [[], [makeCase([], ["a"])], [makeCase(["a"], [])]]) {
      const text = JSON.stringify(computeSummary(cases, { resamples: 20 }));
      expect(text).not.toMatch(/null|NaN/);
    }
    expect(computeSummary([makeCase([], ["a"])]).macro.f1).toBe(0);
  });
});

describe("per agent and by tag", () => {
  it("lists every agent of the set, unseen ones with zeros, none last", () => {
    const per = computePerAgent([makeCase(["a"], ["a"])], ["c", "a"]);
    expect(Object.keys(per)).toEqual(["a", "c", "none"]);
    expect(per.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it("breaks accuracy and macro-F1 down by each tag value", () => {
    const cases = [
      makeCase(["a"], ["a"], { tags: { kind: "plain" } }),
      makeCase(["a"], ["b"], { tags: { kind: "paraphrase", source: "x" } }),
      makeCase(["b"], ["b"], { tags: { kind: "plain" } }),
    ];
    expect(computeByTag(cases)).toEqual({
      kind: { paraphrase: { rows: 1, accuracy: 0, macroF1: 0 }, plain: { rows: 2, accuracy: 1, macroF1: 1 } },
      source: { x: { rows: 1, accuracy: 0, macroF1: 0 } },
    });
  });
});
