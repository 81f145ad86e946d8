import path from "node:path";
import { describe, expect, it } from "vitest";
import * as agentroute from "../src/index.js";
import { REPO_ROOT } from "./helpers/shared.js";

describe("library entry (the README's API example)", () => {
  it("exports every stage and routes through the same path as the CLI", async () => {
    for (const name of [
      "openRouter",
      "loadAgents",
      "lintAgents",
      "buildIndex",
      "createRouter",
      "resolveConfig",
      "createEmbedder",
      "evaluateAgents",
      "readReport",
      "computeSummary",
      "tuneRouter",
      "readDispatchLog",
      "findTechTerms",
      "scorers",
    ]) {
      expect(agentroute, name).toHaveProperty(name);
    }
    const { router, close } = await agentroute.openRouter({
      agentsDir: path.join(REPO_ROOT, "agents"),
      cwd: REPO_ROOT,
      embeddings: false,
      cacheDir: null,
    });
    const decision = await router.route("our Jest snapshots keep breaking");
    expect(decision.dispatch).toEqual(["test-automator"]);
    const many = await router.routeMany(["add an index to the orders table", "write a haiku about autumn"]);
    expect(many.map((d) => d.prompt)).toEqual(["add an index to the orders table", "write a haiku about autumn"]);
    await close();
    const set = await agentroute.loadAgents(path.join(REPO_ROOT, "agents"));
    expect(set.agents).toHaveLength(12);
    expect(agentroute.lintAgents(set).map((d) => d.code)).toContain("unknown-redirect");
  });
});
