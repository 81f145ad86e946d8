import { describe, expect, it } from "vitest";
import { adapterAgents, adapterLogits, agentText, project, softmax, type Adapter } from "../../src/indexing/adapter.js";
import { shippedAdapter } from "../../src/indexing/adapter-data/load.js";

/** dims 2, rank 1: A = [1, 0]ᵀ, B = [0, 1]ᵀ. */
const TOY: Adapter = {
  dims: 2,
  rank: 1,
  scale: 10,
  a: Float32Array.of(1, 0),
  b: Float32Array.of(0, 1),
  noneVector: Float32Array.of(-1),
  noneBias: 0.5,
};

describe("adapter", () => {
  it("project computes Mᵀv for a dims × rank matrix", () => {
    expect([...project(Float32Array.of(1, 2, 3, 4, 5, 6), 2, [1, 0, 2])]).toEqual([11, 14]);
  });

  it("logits are scale × (base + (Aᵀp)·(Bᵀt)), none last", () => {
    const agents = adapterAgents(TOY, Float32Array.of(1, 0, 0, 1), 2);
    const logits = adapterLogits(TOY, [1, 0], [1, 0], agents);
    // agent 0: 10 × (1 + 1×0); agent 1: 10 × (0 + 1×1); none: 10 × (0.5 − 1).
    expect([...logits]).toEqual([10, 10, -5]);
  });

  it("softmax sums to 1 and keeps order, even for large logits", () => {
    const p = softmax([1000, 999, -5]);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(p[0]).toBeGreaterThan(p[1]!);
  });

  it("agentText is the name in words and the description without example blocks, capped", () => {
    const text = agentText({
      name: "code-reviewer",
      description: "Reviews diffs.\\n<example>user: look at my PR</example> Use after changes.",
    });
    expect(text).toBe("code reviewer: Reviews diffs. Use after changes.");
    expect(agentText({ name: "x", description: "y".repeat(2000) }).length).toBe(600);
  });

  it("the shipped adapter loads for USE-lite only", () => {
    expect(shippedAdapter("transformers:Xenova/all-MiniLM-L6-v2")).toBeNull();
    expect(shippedAdapter(null)).toBeNull();
    const a = shippedAdapter("use-lite@0.2.0");
    expect(a?.dims).toBe(512);
    expect(a!.a.length).toBe(512 * a!.rank);
    expect(shippedAdapter("use-lite@0.2.0")).toBe(a);
  });
});
