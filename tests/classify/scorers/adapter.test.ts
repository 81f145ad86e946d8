import { describe, expect, it } from "vitest";
import { adapterFeatures } from "../../../src/classify/scorers/adapter.js";
import type { Adapter } from "../../../src/indexing/adapter.js";
import type { AgentIndex } from "../../../src/indexing/types.js";

const ADAPTER: Adapter = {
  dims: 2,
  rank: 1,
  scale: 10,
  a: Float32Array.of(1, 0),
  b: Float32Array.of(1, 0),
  noneVector: Float32Array.of(0),
  noneBias: 0,
};

/** Just what the adapter reads of an index: three agents and their text vectors. */
function index(): AgentIndex {
  return {
    agents: [{ name: "a" }, { name: "b" }, { name: "c" }],
    dims: 2,
    agentVectors: Float32Array.of(1, 0, 0, 1, 0.6, 0.8),
  } as unknown as AgentIndex;
}

describe("adapter scorer features", () => {
  it("are 0 without an adapter or without a prompt vector (keyword-only mode)", () => {
    const idx = index();
    for (const f of [adapterFeatures(idx, null, Float32Array.of(1, 0)), adapterFeatures(idx, ADAPTER, null)]) {
      expect([...f.ada_p, ...f.ada_gap, ...f.ada_none]).toEqual(Array(9).fill(0));
    }
  });

  it("give the favourite the only positive gap, one none probability for all, probabilities under 1", () => {
    const f = adapterFeatures(index(), ADAPTER, Float32Array.of(1, 0));
    expect(f.ada_p[0]).toBeGreaterThan(f.ada_p[2]!);
    expect(f.ada_p[2]).toBeGreaterThan(f.ada_p[1]!);
    expect(f.ada_gap[0]).toBeCloseTo(0.8, 5); // logits 20, 0, 12 (none 0)
    expect(f.ada_gap[1]).toBeLessThan(0);
    expect(new Set(f.ada_none).size).toBe(1);
    const total = f.ada_p.reduce((s, x) => s + x, 0) + f.ada_none[0]!;
    expect(total).toBeCloseTo(1, 10);
  });
});
