import { describe, expect, it } from "vitest";
import { adapterFeatures } from "../../../src/classify/scorers/adapter.js";
import { adapterAgents, adapterLogits, prepareAdapter, softmax, type Adapter } from "../../../src/indexing/adapter.js";
import { shippedAdapter } from "../../../src/indexing/adapter-data/load.js";
import { mulberry32 } from "../../../src/util/prng.js";

const ADAPTER: Adapter = {
  dims: 2,
  rank: 1,
  scale: 10,
  a: Float32Array.of(1, 0),
  b: Float32Array.of(1, 0),
  noneVector: Float32Array.of(0),
  noneBias: 0,
};

/** Three agents' text vectors (2 dims). */
const TEXTS = Float32Array.of(1, 0, 0, 1, 0.6, 0.8);

describe("adapter scorer features", () => {
  it("are 0 without an adapter or without a prompt vector (keyword-only mode)", () => {
    const prepared = prepareAdapter(ADAPTER, TEXTS, 3, 2);
    expect(prepareAdapter(null, TEXTS, 3, 2)).toBeNull();
    expect(prepareAdapter(ADAPTER, null, 3, 2)).toBeNull();
    expect(prepareAdapter(ADAPTER, TEXTS, 3, 3)).toBeNull(); // vectors of other dims
    for (const f of [adapterFeatures(null, Float32Array.of(1, 0), 3), adapterFeatures(prepared, null, 3)]) {
      expect([...f.ada_p, ...f.ada_gap, ...f.ada_none]).toEqual(Array(9).fill(0));
    }
  });

  it("give the favourite the only positive gap, one none probability for all, probabilities under 1", () => {
    const f = adapterFeatures(prepareAdapter(ADAPTER, TEXTS, 3, 2), Float32Array.of(1, 0), 3);
    expect(f.ada_p[0]).toBeGreaterThan(f.ada_p[2]!);
    expect(f.ada_p[2]).toBeGreaterThan(f.ada_p[1]!);
    expect(f.ada_gap[0]).toBeCloseTo(0.8, 5); // logits 20, 0, 12 (none 0)
    expect(f.ada_gap[1]).toBeLessThan(0);
    expect(new Set(f.ada_none).size).toBe(1);
    const total = f.ada_p.reduce((s, x) => s + x, 0) + f.ada_none[0]!;
    expect(total).toBeCloseTo(1, 10);
  });

  it("match the reference adapterLogits (the kernel path) with the shipped weights", () => {
    const adapter = shippedAdapter("use-lite@0.2.0")!;
    const random = mulberry32(3);
    const unit = () => {
      const v = Float32Array.from({ length: 512 }, () => random() - 0.5);
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    };
    const texts = [unit(), unit(), unit(), unit()];
    const agentVectors = new Float32Array(4 * 512);
    texts.forEach((t, i) => agentVectors.set(t, i * 512));
    const prompt = unit();
    const base = texts.map((t) => t.reduce((s, x, d) => s + x * prompt[d]!, 0));
    const want = softmax(adapterLogits(adapter, prompt, base, adapterAgents(adapter, agentVectors, 4)));
    const got = adapterFeatures(prepareAdapter(adapter, agentVectors, 4, 512), prompt, 4);
    got.ada_p.forEach((p, a) => expect(p).toBeCloseTo(want[a]!, 5));
    expect(got.ada_none[0]).toBeCloseTo(want[4]!, 5);
  });
});
