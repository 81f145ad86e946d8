import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";
import { runBuiltCli } from "../fixtures/eval/cli.js";
import { FITTED_ELSEWHERE as fitted } from "../helpers/fitted-config.js";

// A project with the team's 6 agents in .claude/agents and a config tune fitted on another
// agent set in keyword mode: every command that reads it must say so, and warn.
let dir = "";
const HEADER =
  /config: agentroute\.config\.json \(threshold 0\.4; fitted 2026-12-06 by tune \(threshold\) on team\.csv, 19 rows, dataset dddddddd, agents aaaaaaaa, keyword; --no-config ignores it\)/;
const OTHER_SET = /agentroute\.config\.json was fitted on a different agent set \(agents aaaaaaaa, now [0-9a-f]{8}\)/;
const OTHER_MODE = /was fitted for keyword routing, this run routes in embeddings mode/;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "config-vis-"));
  mkdirSync(path.join(dir, ".claude"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "tests/fixtures/team/agents"), path.join(dir, ".claude/agents"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "tests/fixtures/team/prompts.csv"), path.join(dir, "prompts.csv"));
  writeFileSync(path.join(dir, "agentroute.config.json"), JSON.stringify({ threshold: 0.4, fitted }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runBuiltCli(args, dir);
const agents = ["--agents", ".claude/agents", "--no-embeddings"];

describe("every command that reads a config names it, what it changes and where it was fitted", () => {
  it.each([
    ["route", ["route", ...agents, "the login page is slow"]],
    ["eval", ["eval", ...agents, "--dataset", "prompts.csv", "--format", "json", "--out", "out"]],
  ])("%s: the header on stderr, and a warning for another agent set", async (_, args) => {
    const result = await run(...args);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(HEADER);
    expect(result.stderr).toMatch(OTHER_SET);
  });

  it("advise: the header in the report (Markdown and JSON)", async () => {
    const md = await run("advise", ...agents);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(HEADER);
    expect(md.stderr).toMatch(OTHER_SET);
    const json = JSON.parse((await run("advise", ...agents, "--format", "json")).stdout) as { config: string };
    expect(json.config).toMatch(HEADER);
  });

  it("--no-config: the defaults, said so, no warning", async () => {
    const result = await run("route", ...agents, "--no-config", "the login page is slow");
    expect(result.stderr).toMatch(/^config: none \(defaults\)$/m);
    expect(result.stderr).not.toMatch(OTHER_SET);
  });

  it("tune: says the config in the folder is not its starting point", async () => {
    const result = await run("tune", ...agents, "--dataset", "prompts.csv", "--report", "tune.json");
    expect(result.stderr).toMatch(/^config: agentroute\.config\.json is not read: tune starts from the defaults/m);
  });

  it("hook status: the config the hook reads in this project, with both warnings (the hook cannot print them)", async () => {
    const env = { CLAUDE_PROJECT_DIR: dir, HOME: path.join(dir, "home"), CLAUDE_CONFIG_DIR: path.join(dir, "home") };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const result = await run("hook", "status");
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^hook in .*: 6 agent\(s\) \(agents [0-9a-f]{8}\), embeddings$/m);
      expect(result.stdout).toMatch(HEADER);
      expect(result.stdout).toMatch(OTHER_SET);
      expect(result.stdout).toMatch(OTHER_MODE);
      const keyword = await run("hook", "--no-embeddings", "status");
      expect(keyword.stdout).not.toMatch(OTHER_MODE);
    } finally {
      process.env = saved;
    }
  });
});
