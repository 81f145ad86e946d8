import { expect, it } from "vitest";
import { resolveConfig } from "../../src/classify/config.js";
import { createRouter } from "../../src/classify/router.js";
import { EXACT_UP_TO_PIECES, pieceCosines, twoStageCosines } from "../../src/classify/similarity.js";
import { loadAgents } from "../../src/agents/load/load.js";
import { createEmbedder } from "../../src/embed/registry.js";
import { dotRows } from "../../src/embed/vector.js";
import { buildIndex } from "../../src/indexing/build.js";
import { describeShared, sharedPath, testCacheDir } from "../helpers/shared.js";

/**
 * Agents past NEAREST_AGENTS_MIN (32) are what the first stage skips: 48 real agents leave 16
 * of them out, at about half the cost of embedding all 84 of the set cold.
 */
const AGENTS = 48;

describeShared(`similarity on a large set (wshobson-agents, its first ${AGENTS} agents, real model)`, () => {
  it("two stages compare the nearest agents exactly and keep the rest below them; the router is exact under the budget and routes like route() in batches", async () => {
    const cacheDir = testCacheDir();
    const embedder = await createEmbedder({ cacheDir });
    const all = await loadAgents(sharedPath("agent-sets/wshobson-agents"));
    const set = { ...all, agents: all.agents.slice(0, AGENTS), hash: `${all.hash}-first-${AGENTS}` };
    expect(set.agents).toHaveLength(AGENTS);
    const index = await buildIndex(set, { embedder, cacheDir });
    const [v] = await embedder.embed(["our postgres queries got slow after the last migration"]);
    const full = dotRows(index.vectors!, index.dims, v!);
    expect(index.pieces.length).toBeLessThanOrEqual(EXACT_UP_TO_PIECES);
    const direct = pieceCosines(index, v!);
    expect(direct.exact.every((x) => x === 1)).toBe(true);
    direct.cos.forEach((c, i) => expect(c).toBeCloseTo(full[i]!, 5));
    const { cos, exact } = twoStageCosines(index, v!);
    const exactAgents = [...exact.keys()].filter((a) => exact[a]);
    expect(exactAgents.length).toBe(32);
    index.pieces.forEach((p, i) => {
      if (exact[p.agent] || p.kind === "notEngage" || p.kind === "mustBeUsed" || p.kind === "proactive")
        expect(cos[i]).toBe(direct.cos[i]);
    });
    // The agent with the most similar piece overall is among the exactly compared ones.
    const best = index.pieces[full.indexOf(Math.max(...full))]!.agent;
    expect(exact[best]).toBe(1);
    const router = createRouter(index, resolveConfig({}));
    const prompts = [
      "our postgres queries got slow after the last migration",
      "design a GraphQL schema for orders",
      "hello there",
    ];
    const one = [];
    for (const p of prompts) one.push(await router.route(p));
    expect(await router.routeMany(prompts)).toEqual(one);
    // The only test that needs a set this large: it embeds it cold into the run's temp cache.
  }, 300_000);
});
