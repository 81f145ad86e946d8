import { describe, expect, it } from "vitest";
import { collectionOf, corpusFiles, NONE_COLLECTION } from "../../bench/corpus.js";

describe("routing corpus files", () => {
  it("map to their agent collection: name, part suffix dropped, -agents / -subagents added", () => {
    expect(collectionOf("wshobson-agents.csv")).toBe("wshobson-agents");
    expect(collectionOf("voltagent-a.csv")).toBe("voltagent-subagents");
    expect(collectionOf("vijaythecoder.csv")).toBe("vijaythecoder-agents");
    expect(collectionOf("none-generic.csv")).toBe(NONE_COLLECTION);
  });

  it("refuse a file with no collection, naming it", () => {
    expect(() => collectionOf("nonexistent-set.csv")).toThrow(/nonexistent-set\.csv/);
  });

  it("are all in corpus/, every one with a collection", () => {
    const files = corpusFiles();
    // One file per collection (8) and the no-agent prompts.
    expect(files.length).toBe(9);
    expect(new Set(files.map((f) => f.collection)).size).toBe(9);
  });
});
