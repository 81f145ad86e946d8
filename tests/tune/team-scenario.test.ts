import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/classify/config.js";
import { DEFAULT_DECISION, DEFAULT_FUSION } from "../../src/classify/defaults.js";
import { tunedConfig } from "../../src/tune/config-file.js";
import { tuneRouter } from "../../src/tune/tune.js";
import { REPO_ROOT } from "../helpers/shared.js";

/**
 * Issue 17's scenario: a team's own 6 agents and 19 labeled prompts. Before the fix, tune chose
 * the threshold candidate at +0.1 macro-F1 with 1 of 5 folds improved and wrote a config.
 */
const TEAM = path.join(REPO_ROOT, "tests/fixtures/team");

describe("tune on a team's 6 agents and 19 labeled prompts (real model)", () => {
  it("keeps the defaults, writes nothing and says why", async () => {
    const result = await tuneRouter({
      agentsDir: path.join(TEAM, "agents"),
      dataset: path.join(TEAM, "prompts.csv"),
      cwd: REPO_ROOT,
      cacheDir: process.env.AGENTROUTE_CACHE_DIR ?? null,
      warn: () => {},
    });
    expect(result.mode).toBe("embeddings");
    expect(result.guard).toMatchObject({ rows: 19, agents: 6, perAgent: { median: 3 } });
    expect(result.guard.summary).toMatch(/small data/);
    expect(Object.keys(result.guard.skipped)).toEqual([
      "agent-thresholds",
      "weights",
      "weights-fresh",
      "weights+agents",
    ]);
    const threshold = result.candidates.find((c) => c.name === "threshold")!;
    // On main before this round the threshold candidate gained +0.04 on 1 of 5 folds; with the
    // refitted defaults it no longer gains on average. Either way it rises on too few folds.
    expect(threshold.delta.foldsUp).toBeLessThan(3);
    expect(threshold.wins).toBe(false);
    expect(result.chosen).toBe("defaults");
    expect(result.rule).toBeNull();
    expect(tunedConfig(result, new Date())).toBeNull();
    expect(result.kept).toMatch(/rose on [0-2]\/5 folds \(needs 3\)/);
    expect(result.estimate.chosen).toEqual(["defaults", "defaults", "defaults", "defaults", "defaults"]);
  }, 300_000);

  it("writes only what differs from the defaults, with where it was fitted, when a candidate wins", async () => {
    const result = await tuneRouter({
      agentsDir: path.join(TEAM, "agents"),
      dataset: path.join(TEAM, "prompts.csv"),
      cwd: REPO_ROOT,
      embeddings: false,
      examples: false,
      cacheDir: null,
    });
    // A winner forced in, to check the file's shape (the selection itself kept the defaults).
    const rule = {
      fusion: DEFAULT_FUSION.keyword,
      decision: { threshold: 0.3, agentThresholds: {}, multi: { ...DEFAULT_DECISION.multi, margin: 0 } },
    };
    const config = tunedConfig({ ...result, chosen: "threshold", rule }, new Date("2026-12-06T00:00:00Z"))!;
    expect(Object.keys(config)).toEqual(["threshold", "multi", "fitted"]);
    expect(config).toMatchObject({ threshold: 0.3, multi: { margin: 0 } });
    expect(config.fitted).toMatchObject({
      at: "2026-12-06T00:00:00.000Z",
      mode: "keyword",
      candidate: "threshold",
      agents: { count: 6, hash: result.agents.hash },
      dataset: { rows: 19, hash: result.dataset.hash },
    });
    expect(resolveConfig(config).fitted?.dataset.rows).toBe(19);
  }, 120_000);
});
