import { beforeAll, describe, expect, it } from "vitest";
import { countUseLiteLoads, createUseLiteEmbedder, USE_LITE_DIMS } from "../../src/embed/use-lite.js";
import { cosine, norm } from "../../src/embed/vector.js";
import type { Embedder } from "../../src/embed/types.js";
import { describeShared } from "../helpers/shared.js";
import { readBankingPrompts } from "./banking-prompts.js";

let embedder: Embedder;
beforeAll(async () => {
  embedder = await createUseLiteEmbedder({});
});

describe("use-lite embedder (real model)", () => {
  it("names model and version, and gives 512-dim unit vectors", async () => {
    expect(embedder.id).toBe("use-lite@0.2.0");
    const [v] = await embedder.embed(["Deploy the service to staging"]);
    expect(v).toBeInstanceOf(Float32Array);
    expect(v!.length).toBe(USE_LITE_DIMS);
    expect(norm(v!)).toBeCloseTo(1, 6);
  });

  it("finds related prompts closer than unrelated ones", async () => {
    const [a, b, c] = await embedder.embed([
      "How do I reset my password?",
      "I forgot my login password",
      "The weather is sunny today",
    ]);
    expect(cosine(a!, b!)).toBeCloseTo(0.735, 2);
    expect(cosine(a!, c!)).toBeCloseTo(0.049, 2);
  });

  it("gives blank texts the zero vector, and embeds the rest unchanged", async () => {
    const [alone] = await embedder.embed(["fix the flaky test"]);
    const out = await embedder.embed(["", "fix the flaky test", "   \n"]);
    expect(out[0]).toEqual(new Float32Array(USE_LITE_DIMS));
    expect(out[2]).toEqual(new Float32Array(USE_LITE_DIMS));
    expect(out[1]).toEqual(alone);
  });

  it("caps a 1 MB prompt instead of hanging, and still returns a unit vector", async () => {
    const started = performance.now();
    const [v] = await embedder.embed(["please review this log line ".repeat(40_000)]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(norm(v!)).toBeCloseTo(1, 6);
  });

  it("loads the weights once however many embedders are created", async () => {
    const second = await createUseLiteEmbedder({});
    await second.embed(["one more"]);
    expect(countUseLiteLoads()).toBe(1);
  });

  it("returns [] for no texts, and refuses use after dispose", async () => {
    const handle = await createUseLiteEmbedder({});
    expect(await handle.embed([])).toEqual([]);
    await handle.dispose();
    await expect(handle.embed(["x"])).rejects.toThrow(/after dispose/);
    expect((await embedder.embed(["still works"])).length).toBe(1);
  });
});

describeShared("use-lite batch invariance on BANKING77 prompts", () => {
  it("embeds a text bit-identically alone and inside any batch", async () => {
    const prompts = readBankingPrompts(150);
    const batched = await embedder.embed(prompts);
    const reversed = await embedder.embed([...prompts].reverse());
    const differing: string[] = [];
    for (const [i, prompt] of prompts.entries()) {
      const [alone] = await embedder.embed([prompt]);
      if (!equalBits(alone!, batched[i]!) || !equalBits(alone!, reversed[prompts.length - 1 - i]!))
        differing.push(prompt);
    }
    expect(differing).toEqual([]);
    expect(batched[0]).toEqual((await embedder.embed([prompts[0]!]))[0]);
  });

  it("keeps input order in a mixed batch with repeats", async () => {
    const prompts = readBankingPrompts(20);
    const input = [prompts[3]!, prompts[0]!, prompts[3]!, prompts[19]!];
    const out = await embedder.embed(input);
    expect(out[0]).toEqual(out[2]);
    expect(out[1]).toEqual((await embedder.embed([prompts[0]!]))[0]);
    expect(out[3]).toEqual((await embedder.embed([prompts[19]!]))[0]);
  });
});

function equalBits(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
