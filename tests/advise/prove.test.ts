import path from "node:path";
import { describe, expect, it } from "vitest";
import { adviseAgents } from "../../src/advise/advise.js";
import { attributeChange } from "../../src/advise/prove.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { REPO_ROOT, testCacheDir } from "../helpers/shared.js";

const wrong = (expected: string[], predicted: string[]) => ({ expected, predicted, correct: false });
const right = (labels: string[]) => ({ expected: labels, predicted: labels, correct: true });

describe("attributeChange", () => {
  const sentence = (agent: string) => ({ enters: [agent], leaves: [] });
  const bullet = (agent: string, redirect?: string) => ({ enters: redirect ? [redirect] : [], leaves: [agent] });
  it.each([
    ["a sentence brings its agent to its prompt", wrong(["perf"], []), ["perf"], sentence("perf"), "fixed"],
    ["a bullet takes its agent off a prompt", wrong(["db"], ["db", "ops"]), ["db"], bullet("ops"), "fixed"],
    [
      "a bullet's redirect target now takes it",
      wrong(["ops", "test"], ["test"]),
      ["test", "ops"],
      bullet("test", "ops"),
      "fixed",
    ],
    // The bookkeeping bug: a prompt the edit's agent never touched flipped to right and counted as fixed.
    ["a prompt the edit's agent never touched", wrong(["perf"], []), ["perf"], sentence("devops"), "side-effect"],
    [
      "a bullet that sends the prompt to its own agent",
      wrong(["debugger"], ["reviewer"]),
      ["debugger"],
      bullet("debugger", "test"),
      "side-effect",
    ],
    ["wrong to different wrong through the agent", wrong(["db"], ["ops"]), ["ops", "api"], sentence("api"), "moved"],
    ["right to wrong, even as a side effect", right(["ui"]), ["api"], sentence("devops"), "broken"],
    ["no change", wrong(["db"], ["ops"]), ["ops"], bullet("ops"), "same"],
  ] as const)("%s", (_, before, after, intent, kind) => {
    expect(attributeChange(before, after, intent)).toBe(kind);
  });
});

describe("adviseAgents proves edits on held-out prompts (repo agents, example-holdout.csv, keyword mode)", () => {
  it("credits an edit only with prompts for or from the agents it edits, and shows only edits that broke none", async () => {
    const dataset = path.join(REPO_ROOT, "datasets/example-holdout.csv");
    const advice = await adviseAgents({
      agentsDir: path.join(REPO_ROOT, "agents"),
      dataset,
      embeddings: false,
      cacheDir: testCacheDir(),
      noConfig: true,
      cwd: REPO_ROOT,
      warn: () => {},
    });
    const rows = (await readDataset(dataset, { agentNames: advice.distinctive.map((d) => d.agent) })).rows;
    const expectedOf = new Map(rows.map((r) => [r.prompt, r.expected]));
    expect(advice.proven.length).toBeGreaterThan(0);
    for (const edit of advice.proven) {
      expect(edit.fixed.length).toBeGreaterThan(0);
      expect(edit.broken).toEqual([]);
      expect(edit.deltaMacroF1).toBeGreaterThan(0);
      for (const prompt of edit.fixed) {
        const expected = expectedOf.get(prompt)!;
        // Adding to X's description can only fix a prompt by sending it to X; a bullet, by taking it from X or to its redirect.
        if (edit.kind === "add-not-engage")
          expect(
            !expected.includes(edit.agent) || (edit.redirect !== undefined && expected.includes(edit.redirect)),
            `${edit.key}: "${prompt}"`,
          ).toBe(true);
        else expect(expected, `${edit.key}: "${prompt}"`).toContain(edit.agent);
      }
    }
  }, 120_000);
});

describe("adviseAgents on a team's 6 agents and 19 prompts (keyword mode)", () => {
  it("proves the same edits, in the same order, on every run", async () => {
    const run = () =>
      adviseAgents({
        agentsDir: path.join(REPO_ROOT, "tests/fixtures/team/agents"),
        dataset: path.join(REPO_ROOT, "tests/fixtures/team/prompts.csv"),
        embeddings: false,
        cacheDir: testCacheDir(),
        noConfig: true,
        cwd: REPO_ROOT,
        warn: () => {},
      });
    const [a, b] = [await run(), await run()];
    expect(b.proven).toEqual(a.proven);
    expect(b.suggestions).toEqual(a.suggestions);
  });
});
