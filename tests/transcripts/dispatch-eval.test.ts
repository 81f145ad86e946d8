import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDecision, Router } from "../../src/classify/types.js";
import { renderDispatchCsv } from "../../src/transcripts/dispatch-csv.js";
import { describeOutsideDispatches, readDispatchDataset } from "../../src/transcripts/dispatch-eval.js";
import { openDispatchDataset } from "../../src/transcripts/open-dispatch-dataset.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { runEval } from "../../src/eval/run.js";
import { REPO_ROOT } from "../helpers/shared.js";

const LOG = path.join(REPO_ROOT, "tests/fixtures/dispatch/dispatch-log.jsonl");
const AGENTS = ["code-reviewer", "security-auditor", "test-writer"];

describe("readDispatchDataset", () => {
  it("labels each prompt with what Claude dispatched, mapped onto the set; outside agents count as none", async () => {
    const { dataset, builtIn, notInSet, dispatched } = await readDispatchDataset(LOG, { agentNames: AGENTS });
    expect(dataset.rows.map((r) => [r.line, r.prompt, r.expected, r.tags])).toEqual([
      [1, "Review the payment module for SQL injection", ["security-auditor"], { source: "transcript", session: "s1" }],
      [2, "Find where the retry logic lives", [], { source: "transcript", session: "s1" }],
      [
        3,
        "Write Jest tests for the cart reducer, then review them",
        ["test-writer", "code-reviewer"],
        { source: "transcript", session: "s1" },
      ],
      [4, "what does this error mean?", [], { source: "transcript", session: "s2" }],
      [8, 'Plan the Postgres 16 upgrade, "carefully"', [], { source: "transcript", session: "s2" }],
    ]);
    expect(dataset.skipped).toEqual([
      { line: 6, reason: "duplicate prompt (first on line 2)" },
      { line: 7, reason: "empty prompt" },
    ]);
    expect(dataset).toMatchObject({ read: 7, format: "jsonl", path: LOG });
    expect(builtIn).toEqual({ explore: 1, plan: 1, "general-purpose": 1 });
    expect(notInSet).toEqual({ "db-migrator": 1 });
    expect(dispatched[2]).toEqual(["test-writer", "code-reviewer", "test-writer"]);
    expect(describeOutsideDispatches({ builtIn, notInSet })).toBe(
      "3 dispatches to built-in agents not in the set (explore 1, general-purpose 1, plan 1) treated as none; " +
        "1 dispatch to agents not in the set (db-migrator 1) treated as none",
    );
  });

  describe("bad logs", () => {
    let dir = "";
    beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-dlog-"))));
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it.each([
      ['{"prompt":"a","dispatched":[],"session":"s"}\nnot json\n', 2, "not JSON"],
      ['{"prompt":"a","dispatched":"x","session":"s"}\n', 1, "dispatched:"],
      ['{"prompt":"a","dispatched":[]}\n', 1, "session:"],
    ])("%j is a TRANSCRIPT_INVALID error on line %i", async (text, line, what) => {
      const file = path.join(dir, `bad-${line}-${what.length}.jsonl`);
      await writeFile(file, text);
      const err = await readDispatchDataset(file, { agentNames: AGENTS }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "TRANSCRIPT_INVALID", file, line });
      expect((err as Error).message).toContain(what);
    });

    it("--as-dataset CSV reads back through readDataset with the same prompts and labels", async () => {
      const data = await readDispatchDataset(LOG, { agentNames: AGENTS });
      const csv = path.join(dir, "review.csv");
      await writeFile(csv, renderDispatchCsv(data));
      const back = await readDataset(csv, { agentNames: AGENTS });
      expect(back.rows.map((r) => [r.prompt, r.expected, r.tags.dispatched])).toEqual([
        ["Review the payment module for SQL injection", ["security-auditor"], "security-auditor"],
        ["Find where the retry logic lives", [], "explore"],
        [
          "Write Jest tests for the cart reducer, then review them",
          ["test-writer", "code-reviewer"],
          "test-writer|code-reviewer|test-writer",
        ],
        ["what does this error mean?", [], undefined], // the CSV reader drops empty tag cells
        ['Plan the Postgres 16 upgrade, "carefully"', [], "plan|db-migrator|general-purpose"],
      ]);
    });
  });
});

/** A test router that dispatches every agent whose name words all occur in the prompt. */
function nameRouter(names: string[]): Router {
  const decide = async (prompt: string): Promise<RouteDecision> => {
    const words = prompt.toLowerCase();
    const dispatch = names.filter((n) => n.split("-").every((w) => words.includes(w.slice(0, 4))));
    const ranked = names.map((agent) => ({ agent, score: dispatch.includes(agent) ? 0.9 : 0.1 }));
    return {
      prompt,
      dispatch,
      ranked,
      mode: "keyword",
      model: null,
      reasons: { summary: "names", agents: [], threshold: 0.5 },
    };
  };
  return {
    mode: "keyword",
    model: null,
    agentNames: names,
    route: decide,
    routeMany: (ps) => Promise.all(ps.map(decide)),
  };
}

describe("dispatch evaluation through runEval", () => {
  it("agreement is the report's accuracy; disagreements are the incorrect cases", async () => {
    const { dataset } = await readDispatchDataset(LOG, { agentNames: AGENTS });
    const report = await runEval(nameRouter(AGENTS), dataset, {
      agents: { path: "x", count: 3, hash: "h" },
      config: {},
    });
    expect(report.cases.filter((c) => !c.correct).map((c) => [c.prompt, c.expected, c.predicted])).toEqual([
      ["Review the payment module for SQL injection", ["security-auditor"], []],
      ["Write Jest tests for the cart reducer, then review them", ["test-writer", "code-reviewer"], ["test-writer"]],
    ]);
    expect(report.summary.accuracy).toBeCloseTo(3 / 5);
  });
});

describe("openDispatchDataset", () => {
  let dir = "";
  beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-open-"))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("returns the dataset and says what it did, writing the review CSV when asked", async () => {
    const csv = path.join(dir, "review.csv");
    const { dataset, notes } = await openDispatchDataset(LOG, { agentNames: AGENTS, asDataset: csv });
    expect(dataset.rows).toHaveLength(5);
    expect(notes).toEqual([
      `dispatch log ${LOG}: 5 prompts (2 skipped), 2 answered by an agent of the set; agreement with the router = accuracy`,
      "3 dispatches to built-in agents not in the set (explore 1, general-purpose 1, plan 1) treated as none; 1 dispatch to agents not in the set (db-migrator 1) treated as none",
      `labeled dataset for review written to ${csv} (prompt,expected,source,session,dispatched)`,
    ]);
    expect((await readFile(csv, "utf8")).split("\n")[0]).toBe("prompt,expected,source,session,dispatched");
  });
});
