import { describe, expect, it } from "vitest";
import { combineJobs, opensJob, splitJobs } from "../../src/classify/jobs.js";
import type { RouteDecision } from "../../src/classify/types.js";

describe("splitJobs", () => {
  it.each([
    [
      "Fix the crash in the CSV importer and add tests so it doesn't come back.",
      ["Fix the crash in the CSV importer", "add tests so it doesn't come back."],
    ],
    [
      "Containerize the app, then run a load test against staging.",
      ["Containerize the app", "run a load test against staging."],
    ],
    [
      "Implement the password reset endpoint and have it checked for security holes before release.",
      ["Implement the password reset endpoint", "have it checked for security holes before release."],
    ],
    [
      "can you profile the export job; also document the cache settings in the README",
      ["can you profile the export job", "also document the cache settings in the README"],
    ],
    [
      "the signup button is dead on Safari - fix that bug and write an end-to-end test for it",
      ["the signup button is dead on Safari fix that bug", "write an end-to-end test for it"],
    ],
  ])("splits two jobs: %s", (prompt, jobs) => {
    expect(splitJobs(prompt)).toEqual(jobs);
  });

  it.each([
    "Fix the login bug on Safari and Chrome",
    "Our dashboard takes 6 seconds to become interactive, find the bottleneck and make it faster",
    "The API contract for /payments is approved. Implement the handlers and the persistence behind them.",
    "For the server side, design the contract of the new partner API",
    "rename tmp to total on line 42",
    "fix it and test",
    "",
  ])("keeps one job whole: %s", (prompt) => {
    expect(splitJobs(prompt)).toEqual([prompt]);
  });

  it("splits at most three jobs", () => {
    const four =
      "Design the schema for orders. Write the handlers for orders. Add tests for the handlers. Deploy it to staging now.";
    expect(splitJobs(four)).toEqual([four]);
  });

  it("a job opens with a verb, after fillers, or hands work on", () => {
    expect(opensJob("please also review the diff")).toBe(true);
    expect(opensJob("have it reviewed by someone")).toBe(true);
    expect(opensJob("the diff is large")).toBe(false);
  });
});

function decision(
  prompt: string,
  dispatch: string[],
  ranked = dispatch.map((agent) => ({ agent, score: 0.9 })),
): RouteDecision {
  return {
    prompt,
    dispatch,
    ranked,
    mode: "keyword",
    model: null,
    reasons: { summary: "", agents: [], threshold: 0.2 },
  };
}

describe("combineJobs", () => {
  const rule = { max: 3, jobMin: 0.4, jobMargin: 0.2 };
  const whole = decision("fix the crash and add tests", ["debugger"]);

  it("dispatches one agent per job, in job order", () => {
    const jobs = [decision("fix the crash", ["debugger"]), decision("add tests", ["test-automator"])];
    const d = combineJobs(whole, jobs, rule);
    expect(d.dispatch).toEqual(["debugger", "test-automator"]);
    expect(d.reasons.jobs).toEqual([
      { text: "fix the crash", agent: "debugger", score: 0.9 },
      { text: "add tests", agent: "test-automator", score: 0.9 },
    ]);
  });

  it("keeps the whole decision when a job finds no agent, when the jobs agree, or when the whole was declined", () => {
    expect(combineJobs(whole, [decision("a", ["debugger"]), decision("b", [])], rule)).toBe(whole);
    expect(combineJobs(whole, [decision("a", ["debugger"]), decision("b", ["debugger"])], rule)).toBe(whole);
    const declined = decision("x", []);
    expect(combineJobs(declined, [decision("a", ["debugger"]), decision("b", ["docs"])], rule)).toBe(declined);
  });

  it("caps the agents at max", () => {
    const jobs = ["a", "b", "c"].map((n) => decision(n, [n]));
    expect(combineJobs(whole, jobs, { ...rule, max: 2 }).dispatch).toEqual(["a", "b"]);
  });

  it("keeps one agent when a job's agent is weak there, or barely ahead of the whole prompt's agent", () => {
    const weak = [
      decision("fix the crash", ["debugger"]),
      decision("add tests", ["test-automator"], [{ agent: "test-automator", score: 0.3 }]),
    ];
    expect(combineJobs(whole, weak, rule)).toBe(whole);
    const close = [
      decision("analyze the plan", ["debugger"]),
      decision(
        "add the indexes",
        ["sql"],
        [
          { agent: "sql", score: 0.6 },
          { agent: "debugger", score: 0.5 },
        ],
      ),
    ];
    expect(combineJobs(whole, close, rule)).toBe(whole);
  });

  it("jobMin 1 turns job splitting off", () => {
    const jobs = [decision("fix the crash", ["debugger"]), decision("add tests", ["test-automator"])];
    expect(combineJobs(whole, jobs, { ...rule, jobMin: 1 })).toBe(whole);
  });
});
