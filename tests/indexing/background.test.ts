import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAgents } from "../../src/agents/load/load.js";
import { createEmbedder } from "../../src/embed/registry.js";
import { BACKGROUND_PROMPTS, unclaimedBackground } from "../../src/indexing/background.js";
import { buildIndex } from "../../src/indexing/build.js";
import { REPO_ROOT, testCacheDir } from "../helpers/shared.js";

const PROMPTS = [
  "set a timer for ten minutes",
  "tell me a joke",
  "what is the capital of Australia?",
  "play some relaxing music",
];
const DIMS = 4;
/** One-hot vectors: every prompt and piece is orthogonal, so only words can claim. */
const oneHot = (n: number, at: number) => Float32Array.from({ length: n * DIMS }, (_, i) => (i === at ? 1 : 0));

describe("unclaimedBackground", () => {
  it("drops a request holding every word of an agent's name, or one of its trigger phrases", () => {
    const kept = unclaimedBackground(PROMPTS, new Float32Array(PROMPTS.length * DIMS), {
      names: ["timer", "tell-joke", "geography_expert"],
      triggers: [[], [], [["relax", "music"]]],
      vectors: new Float32Array(DIMS),
      positive: [0],
      dims: DIMS,
    });
    expect(kept.map((b) => PROMPTS[b])).toEqual(["what is the capital of Australia?"]);
  });

  it("drops a request when a piece is close to it and closer than every other request", () => {
    const vectors = Float32Array.from([...[1, 0, 0, 0], ...[0, 1, 0, 0], ...[0, 0.6, 0.8, 0], ...[0, 0, 0, 1]]);
    const claims = { names: ["alpha"], triggers: [[]], positive: [0], dims: DIMS };
    // A piece at cosine 0.8 from request 2, which is 0.6 from request 1: claimed.
    expect(unclaimedBackground(PROMPTS, vectors, { ...claims, vectors: Float32Array.from([0, 0, 1, 0]) })).toEqual([
      0, 1, 3,
    ]);
    // A piece at 0.55 or less from every request (under the 0.6 floor) claims nothing.
    expect(
      unclaimedBackground(PROMPTS, vectors, { ...claims, vectors: Float32Array.from([0.55, 0, 0.55, 0.55]) }),
    ).toEqual([0, 1, 2, 3]);
    expect(unclaimedBackground(PROMPTS, vectors, { ...claims, vectors: oneHot(1, 3), positive: [] })).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it("with the real model: an assistant's intents claim their requests; software agents claim none", async () => {
    const cacheDir = testCacheDir();
    const embedder = await createEmbedder({ cacheDir });
    const kept = async (dir: string) => {
      const index = await buildIndex(await loadAgents(dir), { embedder, cacheDir, warn: () => {} });
      return index.background!.length / index.dims;
    };
    expect(await kept(path.join(REPO_ROOT, "agents"))).toBe(BACKGROUND_PROMPTS.length);
    const all = await embedder.embed(BACKGROUND_PROMPTS);
    const set = await loadAgents(path.join(REPO_ROOT, "tests/fixtures/intents"));
    const index = await buildIndex(set, { embedder, cacheDir, warn: () => {} });
    const rows = index.background!.length / index.dims;
    const keptPrompts = new Set(
      Array.from({ length: rows }, (_, r) =>
        all.findIndex((v) => v.every((x, d) => x === index.background![r * index.dims + d])),
      ),
    );
    const dropped = BACKGROUND_PROMPTS.filter((_, b) => !keptPrompts.has(b));
    expect(dropped).toEqual(
      expect.arrayContaining([
        "tell me a joke",
        "what's the weather like tomorrow?",
        "will it rain this weekend in Paris?",
        "set a timer for ten minutes",
        "play some relaxing music",
        "book a flight to New York for next Friday",
      ]),
    );
    expect(dropped).not.toContain("what is the capital of Australia?");
    expect(dropped.length).toBeLessThanOrEqual(10);
  });
});
