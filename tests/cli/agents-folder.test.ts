import { cpSync, mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, tempFolder } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/shared.js";

const tmp = tempFolder("agents-folder");
const DATASET = path.join(REPO_ROOT, "tests/fixtures/eval/tiny.csv");
// An empty home: the user's own ~/.claude agents and plugins must not leak into the test.
const env = { ...process.env, HOME: path.join(tmp, "home"), CLAUDE_CONFIG_DIR: path.join(tmp, "home", ".claude") };
const run = (argv: string[], cwd: string) => runInProcess(argv, { cwd, env });

/** Every command that reads agents, without naming the folder. */
const COMMANDS: string[][] = [
  ["lint"],
  ["route", "--no-embeddings", "--json", "prune the roses"],
  ["eval", "--no-embeddings", "--dataset", DATASET, "--format", "json", "--out", "reports"],
  ["tune", "--no-embeddings", "--no-examples", "--folds", "2", "--dataset", DATASET, "--out", "tuned.json"],
  ["advise", "--no-embeddings", "--format", "json"],
];

describe("the agents folder default, the same on every command", () => {
  it.each(COMMANDS)("%s: one error when no scope has agents or skills", async (...argv) => {
    const empty = mkdtempSync(path.join(tmp, "empty-"));
    const r = await run(argv, empty);
    expect(r.code).toBe(2);
    expect(r.err).toContain("no agents or skills found (scope all)");
    expect(r.err).toContain("hint: ");
  });

  it.each(COMMANDS)("%s: reads agents/ when there is no .claude/agents", async (...argv) => {
    const project = mkdtempSync(path.join(tmp, "project-"));
    cpSync(path.join(REPO_ROOT, "tests/fixtures/eval/agents"), path.join(project, "agents"), { recursive: true });
    const r = await run(argv, project);
    expect(r.err).not.toContain("error:");
    expect([0, 1]).toContain(r.code);
  });

  it("prefers .claude/agents over agents/", async () => {
    const project = mkdtempSync(path.join(tmp, "both-"));
    mkdirSync(path.join(project, "agents"));
    cpSync(path.join(REPO_ROOT, "tests/fixtures/eval/agents"), path.join(project, ".claude/agents"), {
      recursive: true,
    });
    const r = await run(["route", "--no-embeddings", "--json", "prune the roses"], project);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).dispatch).toEqual(["gardener"]);
  });
});
