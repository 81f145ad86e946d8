import { describe, expect, it } from "vitest";
import type { CaseRecord } from "../../src/eval/types.js";
import { groupConfusions } from "../../src/advise/data.js";

function make(prompt: string, expected: string[], predicted: string[]): CaseRecord {
  const correct = expected.length === predicted.length && predicted.every((p) => expected.includes(p));
  return {
    prompt,
    expected,
    predicted,
    ranked: [],
    correct,
    tags: {},
    line: 2,
    reasons: { summary: "", agents: [], threshold: 0.5 },
  };
}

describe("groupConfusions", () => {
  it("pairs missed agents with wrong ones, none on either side, extras with the first right agent; most frequent first", () => {
    const groups = groupConfusions([
      make("p1", ["db"], ["ops"]),
      make("p2", ["db"], ["ops"]),
      make("p3", [], ["review"]),
      make("p4", ["api"], []),
      make("p5", ["db", "api"], ["api", "db", "ops"]),
      make("p6", ["db"], ["db"]),
    ]);
    expect(groups.map((g) => [g.expected, g.predicted, g.cases.map((c) => c.prompt), g.extra])).toEqual([
      ["db", "ops", ["p1", "p2"], false],
      ["api", "none", ["p4"], false],
      ["api", "ops", ["p5"], true],
      ["none", "review", ["p3"], false],
    ]);
  });
});
