import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedRouter } from "../../src/pipeline/open.js";
import { openFixtureRouter } from "./helpers.js";

describe("router on the fixture agents (real model)", () => {
  let opened: OpenedRouter;
  beforeAll(async () => {
    opened = await openFixtureRouter(true);
  });
  afterAll(async () => opened.close());

  it("dispatches the agent whose trigger and mandate match, with reasons", async () => {
    const d = await opened.router.route("The deploy to production failed, roll it back now");
    expect(d.dispatch).toEqual(["release-captain"]);
    expect(d.mode).toBe("embeddings");
    expect(d.model).toBe("use-lite@0.2.0");
    const reason = d.reasons.agents.find((r) => r.agent === "release-captain")!;
    expect(reason.matchedTriggers).toContain("deploy");
    expect(reason.bestPiece).not.toBeNull();
    expect(Object.keys(reason.features)).toEqual(
      expect.arrayContaining(["head_p", "emb_max", "kw_cov", "trig", "not_engage", "redirect"]),
    );
    expect(d.reasons.summary).toMatch(/^release-captain/);
  });

  it("matches trigger phrases across spelling: CI-CD, ci cd and CI/CD", async () => {
    for (const prompt of ["fix our CI-CD setup", "fix our ci cd setup", "fix our CI/CD setup"]) {
      const d = await opened.router.route(prompt);
      const r = d.reasons.agents.find((a) => a.agent === "release-captain")!;
      expect(r.matchedTriggers).toContain("ci/cd");
    }
  });

  it("turns a When NOT to Engage match into evidence for the agent it redirects to", async () => {
    const d = await opened.router.route("Flaky or failing unit tests in the suite keep blocking us");
    const target = d.reasons.agents.find((a) => a.agent === "test-keeper")!;
    expect(d.dispatch[0]).toBe("test-keeper");
    expect(target.features.redirect).toBeGreaterThan(0);
    expect(target.rules.join(" ")).toMatch(/redirects here/);
  });

  it("says none for a prompt no agent should take", async () => {
    const d = await opened.router.route("what's a good name for a golden retriever puppy?");
    expect(d.dispatch).toEqual([]);
    expect(d.reasons.summary).toMatch(/^none: /);
  });

  it("routeMany gives exactly the decisions route gives, in input order", async () => {
    const prompts = [
      "the orders query is slow",
      "document the CLI flags",
      "hello",
      "ship the release",
      "the orders query is slow",
    ];
    const batch = await opened.router.routeMany(prompts);
    const one = [];
    for (const p of prompts) one.push(await opened.router.route(p));
    expect(batch).toEqual(one);
    expect(batch.map((d) => d.prompt)).toEqual(prompts);
  });

  it("lists at least topK agents, best first, with rounded scores", async () => {
    const d = await opened.router.route("add an index to the users table");
    expect(d.ranked.map((r) => r.agent)[0]).toBe("data-keeper");
    expect(d.ranked.length).toBe(4);
    for (let i = 1; i < d.ranked.length; i++) expect(d.ranked[i - 1]!.score).toBeGreaterThanOrEqual(d.ranked[i]!.score);
  });
});

describe("router decision rule", () => {
  it("dispatches two agents for two jobs when both clear the bar, none above threshold 1", async () => {
    const multi = await openFixtureRouter(true, { multi: { margin: 1, min: 0.05, max: 3 }, threshold: 0.05 });
    const d = await multi.router.route("Write tests for the migration and document the new schema in the README");
    expect(d.dispatch.length).toBeGreaterThan(1);
    await multi.close();
    const strict = await openFixtureRouter(false, { threshold: 1 });
    expect((await strict.router.route("roll back the deploy")).dispatch).toEqual([]);
    await strict.close();
  });

  it("runs keyword-only and records the mode", async () => {
    const kw = await openFixtureRouter(false);
    const d = await kw.router.route("roll back the failed deploy");
    expect(d.mode).toBe("keyword");
    expect(d.model).toBeNull();
    expect(d.dispatch).toEqual(["release-captain"]);
    await kw.close();
  });
});

describe("per-agent thresholds in reasons", () => {
  it("shows the threshold that decided, not the global one, in the summary and reasons", async () => {
    const base = await openFixtureRouter(false);
    const prompt = "what's a good name for a golden retriever puppy?";
    const top = (await base.router.route(prompt)).ranked[0]!;
    await base.close();
    const own = Math.min(0.99, top.score + 0.2);
    const strict = await openFixtureRouter(false, { threshold: 0.01, agentThresholds: { [top.agent]: own } });
    const d = await strict.router.route(prompt);
    await strict.close();
    expect(d.dispatch).toEqual([]);
    expect(d.reasons.threshold).toBe(own);
    expect(d.reasons.summary).toContain(`under the threshold ${own}`);
  });
});
