import { describe, expect, it } from "vitest";
import { assignFolds, primaryLabel } from "../../src/tune/folds.js";
import { AgentRouteError } from "../../src/errors.js";

const LABELS = [...Array(10).fill("a"), ...Array(7).fill("b"), ...Array(3).fill("none"), "c"] as string[];

describe("assignFolds", () => {
  it("gives the same folds for the same seed and different ones for another seed", () => {
    expect(assignFolds(LABELS, 5, 1)).toEqual(assignFolds(LABELS, 5, 1));
    expect(assignFolds(LABELS, 5, 1)).not.toEqual(assignFolds(LABELS, 5, 2));
  });

  it("puts every row in exactly one fold, folds differing in size by at most one", () => {
    const folds = assignFolds(LABELS, 5, 7);
    expect(folds).toHaveLength(LABELS.length);
    const sizes = [0, 1, 2, 3, 4].map((k) => folds.filter((f) => f === k).length);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(LABELS.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const f of folds) expect(f >= 0 && f < 5).toBe(true);
  });

  it("spreads each label over the folds (stratified)", () => {
    const folds = assignFolds(LABELS, 5, 3);
    const ofLabel = (label: string) =>
      [0, 1, 2, 3, 4].map((k) => folds.filter((f, i) => f === k && LABELS[i] === label).length);
    expect(ofLabel("a")).toEqual([2, 2, 2, 2, 2]);
    const b = ofLabel("b");
    expect(Math.max(...b) - Math.min(...b)).toBeLessThanOrEqual(1);
  });

  it("refuses fewer rows than folds and fewer than two folds", () => {
    expect(() => assignFolds(["a", "b"], 3, 1)).toThrow(AgentRouteError);
    expect(() => assignFolds(LABELS, 1, 1)).toThrow(/at least 2/);
  });

  it("stratifies multi-label rows by their first label in name order, none for []", () => {
    expect(primaryLabel(["z", "b"])).toBe("b");
    expect(primaryLabel([])).toBe("none");
  });
});
