import { describe, expect, it } from "vitest";
import { findFlipped } from "../../src/eval/compare.js";
import { displayPath } from "../../src/eval/evaluate.js";
import { sweepThresholds } from "../../src/eval/threshold-sweep.js";
import { makeCase } from "../fixtures/eval/cases.js";

describe("findFlipped", () => {
  it("lists every changed decision: right → wrong, wrong → right and wrong → a different wrong", () => {
    const before = [
      makeCase(["a"], ["a"], { prompt: "p1" }),
      makeCase(["a"], ["b"], { prompt: "p2" }),
      makeCase(["a"], ["b"], { prompt: "p3" }),
      makeCase(["a"], ["b"], { prompt: "p4" }),
      makeCase([], ["c"], { prompt: "p5" }),
    ];
    const after = [
      makeCase(["a"], ["b"], { prompt: "p1" }),
      makeCase(["a"], ["a"], { prompt: "p2" }),
      makeCase(["a"], ["c"], { prompt: "p3" }),
      makeCase(["a"], ["b"], { prompt: "p4" }),
      makeCase([], ["b"], { prompt: "p5", ranked: [{ agent: "b", score: 0.6 }] }),
    ];
    const { flipped, unmatched } = findFlipped(before, after);
    expect(flipped.rightToWrong.map((f) => f.prompt)).toEqual(["p1"]);
    expect(flipped.wrongToRight.map((f) => f.prompt)).toEqual(["p2"]);
    expect(flipped.wrongToWrong.map((f) => [f.prompt, f.before, f.after])).toEqual([
      ["p3", ["b"], ["c"]],
      ["p5", ["c"], ["b"]],
    ]);
    expect(flipped.wrongToWrong[1]!.confidence).toEqual({ before: 0.9, after: 0.6 });
    expect(unmatched).toEqual({ onlyA: 0, onlyB: 0 });
  });

  it("does not count the same agents in another order as a change", () => {
    const { flipped } = findFlipped(
      [makeCase(["a"], ["b", "c"], { prompt: "p" })],
      [makeCase(["a"], ["c", "b"], { prompt: "p" })],
    );
    expect(flipped.wrongToWrong).toEqual([]);
  });
});

describe("displayPath", () => {
  it.each([
    ["/repo", "/repo/datasets/x.csv", "datasets/x.csv"],
    ["/repo", "/repo", "."],
    ["/work/repo", "/work/shared/sets/a", "../shared/sets/a"],
  ])("%s + %s → %s (never the runner's absolute disk path)", (cwd, file, shown) => {
    expect(displayPath(cwd, file)).toBe(shown);
  });
});

describe("sweepThresholds", () => {
  const cases = [
    { expected: ["a"], ranked: [{ agent: "a", score: 0.8 }] },
    { expected: ["b"], ranked: [{ agent: "a", score: 0.4 }] },
    { expected: [], ranked: [{ agent: "a", score: 0.3 }] },
    { expected: [], ranked: [{ agent: "b", score: 0.6 }] },
  ];

  it("replays the top-1 decision at each threshold", () => {
    const points = sweepThresholds(cases, 10);
    expect(points).toHaveLength(11);
    expect(points[0]).toMatchObject({ threshold: 0, accuracy: 0.25, coverage: 1 });
    expect(points[5]).toEqual({
      threshold: 0.5,
      accuracy: 0.5,
      coverage: 0.5,
      none: { precision: 0.5, recall: 0.5, f1: 0.5 },
    });
    expect(points[10]).toMatchObject({ accuracy: 0.5, coverage: 0, none: { precision: 0.5, recall: 1 } });
  });
});
