import path from "node:path";
import { expect, it } from "vitest";
import type { Advice } from "../../src/advise/types.js";
import { describeShared, REPO_ROOT, sharedPath } from "../helpers/shared.js";
import { runBuiltCli } from "../fixtures/eval/cli.js";

const AGENTS = sharedPath("agent-sets/claude-config-12");
const DATASET = path.join(REPO_ROOT, "datasets/claude-config-12.csv");

describeShared("agentroute advise on claude-config-12 (keyword mode)", () => {
  it("without data: names the shared triggers, the stale redirects and confusable pairs (JSON)", async () => {
    const result = await runBuiltCli(["advise", "--agents", AGENTS, "--no-embeddings", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const advice = JSON.parse(result.stdout) as Advice;
    expect(Object.keys(advice)).toEqual([
      "schemaVersion",
      "agents",
      "mode",
      "model",
      "config",
      "confusablePairs",
      "sharedTriggers",
      "sharedTerms",
      "staleRedirects",
      "indistinct",
      "distinctive",
      "eval",
      "confusions",
      "suggestions",
      "proof",
      "proven",
    ]);
    expect(advice).toMatchObject({
      schemaVersion: 1,
      mode: "keyword",
      model: null,
      eval: null,
      confusions: [],
      proof: null,
      proven: [],
    });
    expect(advice.sharedTriggers).toEqual(
      expect.arrayContaining([
        { phrase: "pipeline", agents: ["data-engineer", "devops"] },
        { phrase: "database", agents: ["backend-engineer", "data-engineer"] },
      ]),
    );
    const stale = advice.staleRedirects.map((r) => `${r.agent}→${r.target}`);
    expect(stale).toEqual(
      expect.arrayContaining(["backend-engineer→api-architect", "backend-engineer→database-admin"]),
    );
    expect(advice.staleRedirects.find((r) => r.target === "api-architect")).toMatchObject({
      file: "backend-engineer.md",
      line: expect.any(Number),
    });
    // "performance" is no shared trigger phrase, but two headlines claim it.
    expect(advice.sharedTerms.find((t) => t.term === "performance")?.agents).toEqual(
      expect.arrayContaining(["backend-engineer", "debugger"]),
    );
    expect(advice.confusablePairs.length).toBeGreaterThan(0);
    for (const p of advice.confusablePairs) {
      expect(p.a < p.b).toBe(true);
      expect(p.embedding).toBeNull();
    }
    expect(advice.suggestions.map((s) => s.text)).toContain(
      'drop shared trigger "pipeline" from one of data-engineer / devops',
    );
  });

  it("with a dataset: confused pairs with their prompts, and only edits proven on held-out prompts (JSON, Markdown)", async () => {
    const json = await runBuiltCli([
      "advise",
      "--agents",
      AGENTS,
      "--dataset",
      DATASET,
      "--no-embeddings",
      "--format",
      "json",
    ]);
    expect(json.code, json.stderr).toBe(0);
    const advice = JSON.parse(json.stdout) as Advice;
    expect(advice.eval).toMatchObject({ rows: 201 });
    expect(advice.confusions.length).toBeGreaterThan(0);
    for (const c of advice.confusions) {
      expect(c.count).toBeGreaterThanOrEqual(c.prompts.length);
      expect(c.prompts.length).toBeGreaterThan(0);
    }
    // Untested word lists are gone from the suggestions: every data-drawn edit went through the proof.
    expect(advice.suggestions.map((s) => s.kind)).not.toContain("add-trigger");
    expect(advice.proof).toMatchObject({ folds: 5 });
    expect(advice.proof!.tried).toBeGreaterThan(0);
    for (const e of advice.proven) {
      expect(e.fixed.length).toBeGreaterThan(0);
      expect(e.broken).toEqual([]);
      expect(e.deltaMacroF1).toBeGreaterThan(0);
      expect(e.interval.high).toBeGreaterThanOrEqual(e.deltaMacroF1);
      expect(e.summary).not.toMatch(/requests about \w+, \w+/);
    }

    const md = await runBuiltCli(["advise", "--agents", AGENTS, "--dataset", DATASET, "--no-embeddings"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^## Most confused pairs/m);
    expect(md.stdout).toMatch(/^- "pipeline": data-engineer, devops$/m);
    expect(md.stdout).toMatch(/^config: none \(defaults\)$/m);
    expect(md.stdout).toMatch(/^## Tested edits$/m);
    expect(md.stdout).toMatch(/^\d+ edit\(s\) tried in 5-fold cross-validation/m);
    expect(md.stdout).toMatch(/^## Suggestions$/m);
  });

  it("rejects an unknown format with exit 2", async () => {
    const result = await runBuiltCli(["advise", "--agents", AGENTS, "--no-embeddings", "--format", "html"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown advise format/);
  });
});

describeShared("agentroute advise on claude-config-12 (embeddings)", () => {
  it("compares agents piece by piece with the default model: every pair has an embedding similarity, best pair first", async () => {
    const result = await runBuiltCli(["advise", "--agents", AGENTS, "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const advice = JSON.parse(result.stdout) as Advice;
    if (advice.mode !== "embeddings") return; // no model on this machine: the keyword tests cover the rest
    expect(advice.confusablePairs.length).toBe(10);
    for (const p of advice.confusablePairs) {
      expect(p.embedding).toBeGreaterThan(0);
      expect(p.score).toBeCloseTo((p.embedding! + p.lexical) / 2, 2);
    }
    const scores = advice.confusablePairs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The two agents sharing the "database" trigger are among the most confusable.
    expect(advice.confusablePairs.slice(0, 3).map((p) => `${p.a}/${p.b}`)).toContain("backend-engineer/data-engineer");
  });
});
