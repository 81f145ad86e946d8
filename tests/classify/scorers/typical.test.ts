import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAgents } from "../../../src/agents/load/load.js";
import { resolveConfig } from "../../../src/classify/config.js";
import { prepareQuery } from "../../../src/classify/query.js";
import { createScorer } from "../../../src/classify/scorers/registry.js";
import { createEmbedder } from "../../../src/embed/registry.js";
import { buildIndex } from "../../../src/indexing/build.js";
import { REPO_ROOT, testCacheDir } from "../../helpers/shared.js";

const cacheDir = testCacheDir();

async function indexOf(dir: string, embeddings = true) {
  const embedder = embeddings ? await createEmbedder({ cacheDir }) : null;
  return buildIndex(await loadAgents(path.join(REPO_ROOT, dir)), { embedder, cacheDir, warn: () => {} });
}

describe("typicalSimilarity and emb_typ", () => {
  it("intent agents with examples get their own typical similarity; a paraphrase sits near it, an unrelated prompt far below", async () => {
    const index = await indexOf("tests/fixtures/intents");
    const typical = index.derived.typical;
    for (const t of typical) expect(t > 0.3 && t < 1).toBe(true);
    const scorer = createScorer(index, resolveConfig({ scorer: "embedding" }));
    const weather = index.agents.findIndex((a) => a.name === "weather");
    const feature = async (prompt: string) => {
      const [v] = await index.embedder!.embed([prompt]);
      return scorer.score(prepareQuery(index, prompt, v!)).features.emb_typ![weather]!;
    };
    const near = await feature("will it snow in Oslo tomorrow");
    const far = await feature("how do I reset my router password");
    expect(near).toBeGreaterThan(far + 0.2);
  });

  it("agents with fewer than three examples take the set's median; a set without examples, or keyword mode, gives 0", async () => {
    const index = await indexOf("tests/fixtures/classify/agents");
    // Only word-smith has examples (2): below the minimum, so no agent has its own value.
    expect([...index.derived.typical].every(Number.isNaN)).toBe(true);
    const [v] = await index.embedder!.embed(["ship the release"]);
    const out = createScorer(index, resolveConfig({ scorer: "embedding" })).score(
      prepareQuery(index, "ship the release", v!),
    );
    expect([...out.features.emb_typ!]).toEqual(index.agents.map(() => 0));
    const keyword = await indexOf("tests/fixtures/intents", false);
    const kw = createScorer(keyword, resolveConfig({ scorer: "embedding" })).score(
      prepareQuery(keyword, "set a timer", null),
    );
    expect([...kw.features.emb_typ!].every((x) => x === 0)).toBe(true);
  });
});
