import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/classify/config.js";
import type { OpenedRouter } from "../../src/pipeline/open.js";
import { prepareQuery } from "../../src/classify/query.js";
import { createScorer, listScorers } from "../../src/classify/scorers/registry.js";
import { featuresIn, SIGNALS, type SignalName } from "../../src/classify/scorers/features.js";
import { softmaxInPlace, softmaxLogits } from "../../src/indexing/softmax.js";
import { openFixtureRouter } from "./helpers.js";

const PROMPTS = [
  "roll back the release, the deploy failed",
  "the checkout tests are flaky",
  "",
  "write a birthday poem",
  "x".repeat(5000),
];

/** Every scorer, in both modes, must keep the same contract (hono's shared-suite pattern). */
describe.each([true, false])("scorer conformance (embeddings: %s)", (embeddings) => {
  let opened: OpenedRouter;
  beforeAll(async () => {
    opened = await openFixtureRouter(embeddings);
  });
  afterAll(async () => opened.close());

  it.each(listScorers())("%s: one finite score in [0, 1] per agent, same twice", async (name) => {
    const scorer = createScorer(opened.index, resolveConfig({ scorer: name }));
    expect(scorer.name).toBe(name);
    for (const prompt of PROMPTS) {
      const [vector] = opened.index.embedder ? await opened.index.embedder.embed([prompt]) : [null];
      const q = prepareQuery(opened.index, prompt, vector ?? null);
      const a = scorer.score(q);
      expect(a.scores.length).toBe(opened.index.agents.length);
      for (const s of a.scores) expect(s >= 0 && s <= 1 && Number.isFinite(s)).toBe(true);
      for (const values of Object.values(a.features)) for (const v of values) expect(Number.isFinite(v)).toBe(true);
      expect(scorer.score(q).scores).toEqual(a.scores);
    }
  });

  it.each(Object.keys(SIGNALS) as SignalName[])("%s: returns exactly the features it declares", async (name) => {
    const q = prepareQuery(
      opened.index,
      PROMPTS[0]!,
      embeddings ? (await opened.index.embedder!.embed([PROMPTS[0]!]))[0]! : null,
    );
    const out = SIGNALS[name].create(opened.index).score(q);
    expect(Object.keys(out.features)).toEqual([...SIGNALS[name].features]);
  });

  it("fused: carries the features of the mode, none of its declared absences", async () => {
    const fused = createScorer(opened.index, resolveConfig({}));
    const q = prepareQuery(
      opened.index,
      PROMPTS[0]!,
      embeddings ? (await opened.index.embedder!.embed([PROMPTS[0]!]))[0]! : null,
    );
    const mode = embeddings ? "embeddings" : "keyword";
    expect(Object.keys(fused.score(q).features).sort()).toEqual([...featuresIn(mode)].sort());
  });

  it("head: the kernel's probabilities match the training-time softmaxLogits", async () => {
    const head = createScorer(opened.index, resolveConfig({ scorer: "head" }));
    const model = opened.index.head.model;
    for (const prompt of PROMPTS) {
      const [vector] = opened.index.embedder ? await opened.index.embedder.embed([prompt]) : [null];
      const q = prepareQuery(opened.index, prompt, vector ?? null);
      const z = new Float64Array(opened.index.agents.length);
      softmaxLogits(model, model.denseDim > 0 ? q.vector : null, q.sparse, z);
      softmaxInPlace(z);
      head.score(q).scores.forEach((p, a) => expect(p).toBeCloseTo(z[a]!, 5));
    }
  });

  it("rejects an unknown scorer, naming the valid ones", () => {
    expect(() => createScorer(opened.index, resolveConfig({ scorer: "magic" }))).toThrow(
      /valid scorers: adapter, embedding, fused, head, keyword, rules/,
    );
  });
});
