import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedRouter } from "../../src/pipeline/open.js";
import { openExampleRouter } from "./helpers.js";

describe("two jobs, two agents (the example agents, real model)", () => {
  const open = openExampleRouter;
  let opened: OpenedRouter;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => opened.close());

  it("dispatches one agent per job, in job order, and says which job went where", async () => {
    const d = await opened.router.route("Fix the crash in the CSV importer and add tests so it doesn't come back.");
    expect(d.dispatch).toEqual(["debugger", "test-automator"]);
    expect(d.reasons.jobs?.map((j) => j.agent)).toEqual(["debugger", "test-automator"]);
    expect(d.reasons.summary).toMatch(/^2 jobs: /);
  });

  it("keeps a one-job prompt in two steps with one agent", async () => {
    const d = await opened.router.route(
      "Our dashboard takes 6 seconds to become interactive, find the bottleneck and make it faster",
    );
    expect(d.dispatch).toEqual(["performance-tuner"]);
    expect(d.reasons.jobs).toBeUndefined();
  });

  it("route and routeMany agree on split prompts", async () => {
    const prompts = [
      "Design the GraphQL schema for the catalog and implement the resolvers.",
      "rename tmp to total on line 42",
    ];
    const many = await opened.router.routeMany(prompts);
    for (const [i, p] of prompts.entries()) expect(many[i]).toEqual(await opened.router.route(p));
  });

  it("multi.jobMin 1 turns it off", async () => {
    const off = await open({ multi: { jobMin: 1 } });
    const d = await off.router.route("Fix the crash in the CSV importer and add tests so it doesn't come back.");
    await off.close();
    expect(d.dispatch).toEqual(["debugger"]);
  });
});
