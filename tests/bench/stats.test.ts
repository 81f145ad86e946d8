import { describe, expect, it } from "vitest";
import { formatMs, nearestRank, summarizeTimes } from "../../bench/util/stats.js";
import { pct, renderTable } from "../../bench/util/table.js";

describe("bench statistics", () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.95, 4],
    [[7], 0.5, 7],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
  ])("nearest-rank percentile of %j at %d is %d", (sorted, q, expected) => {
    expect(nearestRank(sorted, q)).toBe(expected);
  });

  it("summarises unsorted samples without changing them", () => {
    const samples = [5, 1, 3];
    expect(summarizeTimes(samples)).toEqual({ n: 3, p50: 3, p95: 5, mean: 3, min: 1, max: 5 });
    expect(samples).toEqual([5, 1, 3]);
  });

  it("gives NaN, not a throw, for no samples", () => {
    expect(summarizeTimes([]).p50).toBeNaN();
  });

  it.each([
    [0.04321, "0.043"],
    [12.345, "12.3"],
    [4321.9, "4322"],
    [Number.NaN, "–"],
  ])("formats %d ms as %s", (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe("bench tables", () => {
  it("renders a Markdown table, names left and figures right", () => {
    expect(
      renderTable(
        ["set", "accuracy"],
        [
          ["banking77", pct(0.8612)],
          ["example", pct(1)],
        ],
      ),
    ).toBe(
      [
        "| set       | accuracy |",
        "| --------- | -------: |",
        "| banking77 |    86.1% |",
        "| example   |   100.0% |",
      ].join("\n"),
    );
  });
});
