import { describe, expect, it } from "vitest";
import { adapterAgents, adapterLogits } from "../../src/indexing/adapter.js";
import { trainAdapter, type TrainGroup } from "../../bench/adapter-train.js";

/**
 * Two toy collections in 4 dims whose prompts sit on a different axis than their agents'
 * texts: plain cosine cannot route them, a trained adapter must.
 */
function toy(): TrainGroup[] {
  const unit = (...v: number[]) => {
    const n = Math.hypot(...v);
    return Float32Array.from(v, (x) => x / n);
  };
  const agents = Float32Array.from([...unit(1, 0, 0, 0), ...unit(0, 1, 0, 0)]);
  const prompts = [unit(0, 0.1, 1, 0.05), unit(0.1, 0, 0, 1), unit(0, 0.2, 1, 0), unit(0.2, 0, 0.05, 1)];
  const group = (collection: string): TrainGroup => ({
    collection,
    agents,
    n: 2,
    prompts,
    targets: [[0], [1], [0], [1]],
  });
  return [group("x"), group("y")];
}

describe("trainAdapter", () => {
  const options = { rank: 2, scale: 8, epochs: 300, batch: 4, learningRate: 0.05, l2: 0, seed: 1 };

  it("learns what plain cosine gets wrong", () => {
    const [g] = toy();
    const model = trainAdapter(toy(), options);
    const agents = adapterAgents(model, g!.agents, 2);
    g!.prompts.forEach((p, k) => {
      const base = [0, 1].map((a) => p[0]! * g!.agents[a * 4]! + p[1]! * g!.agents[a * 4 + 1]!);
      const logits = adapterLogits(model, p, base, agents);
      const best = logits[0]! > logits[1]! ? 0 : 1;
      expect(best).toBe(g!.targets[k]![0]);
    });
  });

  it("is deterministic", () => {
    const a = trainAdapter(toy(), { ...options, epochs: 5 });
    const b = trainAdapter(toy(), { ...options, epochs: 5 });
    expect([...a.a]).toEqual([...b.a]);
    expect([...a.b]).toEqual([...b.b]);
  });
});
