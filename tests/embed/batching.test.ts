import { describe, expect, it } from "vitest";
import { embedNonBlank, planBuckets, truncateChars } from "../../src/embed/batching.js";

describe("planBuckets", () => {
  it.each([
    { counts: [], max: 4, expected: [] },
    { counts: [3, 5, 3, 3], max: 2, expected: [[0, 2], [3], [1]] },
    {
      counts: [7, 1, 7, 1],
      max: 64,
      expected: [
        [1, 3],
        [0, 2],
      ],
    },
    { counts: [2, 2, 2], max: 1, expected: [[0], [1], [2]] },
  ])("groups $counts by token count, chunks of $max", ({ counts, max, expected }) => {
    expect(planBuckets(counts, max)).toEqual(expected);
  });

  it("covers every position exactly once, and no chunk mixes token counts", () => {
    const counts = Array.from({ length: 500 }, (_, i) => (i * 7919) % 13);
    const chunks = planBuckets(counts, 16);
    expect(chunks.flat().sort((a, b) => a - b)).toEqual(counts.map((_, i) => i));
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(16);
      expect(new Set(chunk.map((i) => counts[i])).size).toBe(1);
    }
  });

  it("rejects a chunk size below 1", () => {
    expect(() => planBuckets([1], 0)).toThrow(RangeError);
  });
});

describe("truncateChars", () => {
  it.each([
    { text: "abcdef", max: 4, expected: "abcd" },
    { text: "abc", max: 4, expected: "abc" },
    { text: "ab😀cd", max: 3, expected: "ab" },
    { text: "ab😀cd", max: 4, expected: "ab😀" },
  ])("truncateChars($text, $max) = $expected", ({ text, max, expected }) => {
    expect(truncateChars(text, max)).toBe(expected);
  });
});

describe("embedNonBlank", () => {
  it("gives blank texts the zero vector and sends only the others, in order", async () => {
    const seen: string[][] = [];
    const out = await embedNonBlank(["a", "", "  \n\t", "b"], 2, async (texts) => {
      seen.push(texts);
      return texts.map((t) => Float32Array.of(t.charCodeAt(0), 1));
    });
    expect(seen).toEqual([["a", "b"]]);
    expect(out).toEqual([Float32Array.of(97, 1), Float32Array.of(0, 0), Float32Array.of(0, 0), Float32Array.of(98, 1)]);
  });

  it("does not call the model when every text is blank", async () => {
    let calls = 0;
    const out = await embedNonBlank([" "], 3, async () => {
      calls++;
      return [];
    });
    expect(calls).toBe(0);
    expect(out).toEqual([new Float32Array(3)]);
  });
});
