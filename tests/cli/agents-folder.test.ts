import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { REPO_ROOT } from "../helpers/shared.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "agentroute-agents-folder-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DATASET = path.join(REPO_ROOT, "tests/fixtures/eval/tiny.csv");

async function run(argv: string[], cwd: string) {
  let out = "";
  let err = "";
  const io = {
    out: (s: string) => void (out += s),
    err: (s: string) => void (err += s),
    isTTY: false,
    // An empty home: the user's own ~/.claude agents and plugins must not leak into the test.
    env: {
      ...process.env,
      AGENTROUTE_CACHE_DIR: path.join(tmp, "cache"),
      HOME: path.join(tmp, "home"),
      CLAUDE_CONFIG_DIR: path.join(tmp, "home", ".claude"),
    },
    cwd,
    stdin: Readable.from([]),
  };
  return { code: await runCli(argv, io), out, err };
}

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
