import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAgents } from "../../src/agents/load/load.js";
import type { AgentSet } from "../../src/agents/types.js";
import { resolveConfig } from "../../src/classify/config.js";
import { prepareQuery } from "../../src/classify/query.js";
import { fuseFeatures } from "../../src/classify/scorers/fused.js";
import { applyNotEngage } from "../../src/classify/scorers/not-engage-rule.js";
import { createScorer } from "../../src/classify/scorers/registry.js";
import { createEmbedder } from "../../src/embed/registry.js";
import type { Embedder } from "../../src/embed/types.js";
import { buildIndex } from "../../src/indexing/build.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { describeShared, REPO_ROOT, sharedPath } from "../helpers/shared.js";

describe("applyNotEngage", () => {
  it.each([
    [0.6, 0, 0.6],
    [0.6, 0.25, 0.3],
    [0.6, 0.5, 0],
    [0.6, 0.9, 0],
    [0.4, 0.001, 0.4 * (1 - 0.002)],
  ])("score %d with margin %d becomes %d", (score, margin, expected) => {
    expect(applyNotEngage(Float64Array.of(score), Float64Array.of(margin))[0]).toBeCloseTo(expected, 12);
  });

  it("leaves scores alone without the feature", () => {
    expect([...applyNotEngage(Float64Array.of(0.3, 0.7), undefined)]).toEqual([0.3, 0.7]);
  });
});

/** Per prompt: final scores, the fused scores before the rule, and the not-engage margins (default config). */
async function scoreAll(set: AgentSet, prompts: readonly string[], embedder: Embedder | null, cacheDir: string) {
  const index = await buildIndex(set, { embedder, cacheDir, warn: () => {} });
  const config = resolveConfig({});
  const fusion = embedder ? config.fusion.embeddings : config.fusion.keyword;
  const scorer = createScorer(index, config);
  const vectors = embedder ? await embedder.embed([...prompts]) : prompts.map(() => null);
  return prompts.map((p, i) => {
    const out = scorer.score(prepareQuery(index, p, vectors[i] ?? null));
    const beforeRule = fuseFeatures((f) => out.features[f] ?? null, fusion, set.agents.length);
    return { scores: out.scores, beforeRule, notEngage: out.features.not_engage! };
  });
}

/** The set with one agent's When NOT to Engage bullets removed (and its own hash). */
function withoutBullets(set: AgentSet, agent: number): AgentSet {
  const agents = set.agents.map((a, i) => (i === agent ? { ...a, notEngage: [] } : a));
  return { ...set, agents, hash: `${set.hash}-no-bullets-${agent}` };
}

/**
 * The property, on real sets and their labeled prompts: wherever an agent's own bullet
 * matches a prompt, the agent's final score is lower than fusion alone gives it; and for
 * bullets that redirect nowhere, lower than the same set without the bullet scores it,
 * whatever the learned parts make of the changed set. (A bullet that redirects also becomes
 * an example of its target, which retrains the head: that part moves credit, not blame.)
 */
describeShared("a matching When NOT to Engage bullet lowers its agent's final score (real sets)", () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "agentroute-not-engage-"));
  it.each([
    ["claude-config-12", true],
    ["claude-config-28", true],
    ["claude-config-12", false],
    ["claude-config-28", false],
  ])(
    "%s (embeddings: %s)",
    async (name, embeddings) => {
      const set = await loadAgents(sharedPath("agent-sets", name));
      const dataset = await readDataset(path.join(REPO_ROOT, "datasets", `${name}.csv`), {
        agentNames: set.agents.map((a) => a.name),
      });
      const prompts = dataset.rows.map((r) => r.prompt);
      const embedder = embeddings
        ? await createEmbedder({ cacheDir: process.env.AGENTROUTE_CACHE_DIR ?? cacheDir })
        : null;
      try {
        const base = await scoreAll(set, prompts, embedder, cacheDir);
        const counts = { rule: 0, removed: 0 };
        for (const [a, agent] of set.agents.entries()) {
          const matched = prompts.flatMap((_, i) => (base[i]!.notEngage[a]! > 0 ? [i] : []));
          for (const i of matched) {
            expect(base[i]!.scores[a], `${agent.name} on "${prompts[i]}"`).toBeLessThan(base[i]!.beforeRule[a]!);
            counts.rule++;
          }
          if (matched.length === 0 || agent.notEngage.some((b) => b.redirects.length > 0)) continue;
          const plain = await scoreAll(withoutBullets(set, a), prompts, embedder, cacheDir);
          for (const i of matched) {
            expect(base[i]!.scores[a], `${agent.name} without its bullets, "${prompts[i]}"`).toBeLessThan(
              plain[i]!.scores[a]!,
            );
            counts.removed++;
          }
        }
        expect(counts.rule).toBeGreaterThan(50);
        if (name === "claude-config-12") expect(counts.removed).toBeGreaterThan(20);
      } finally {
        await embedder?.dispose();
      }
    },
    300_000,
  );
});
