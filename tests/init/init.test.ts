import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { initProject, INIT_PATHS } from "../../src/init/init.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { projectTranscriptDir } from "../../src/transcripts/transcript-files.js";
import { CLI, describeShared, REPO_ROOT, sharedPath } from "../helpers/shared.js";

let root: string;
let project: string;
let env: NodeJS.ProcessEnv;

/** A project with the repository's 12 agents in .claude/agents and one real-format session transcript. */
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "agentroute-init-"));
  project = path.join(root, "project");
  env = { HOME: path.join(root, "home") };
  await cp(path.join(REPO_ROOT, "agents"), path.join(project, ".claude", "agents"), { recursive: true });
  const sessions = projectTranscriptDir(project, env);
  await mkdir(sessions, { recursive: true });
  await cp(path.join(REPO_ROOT, "tests/fixtures/dispatch/flat-2.0"), sessions, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function runInit(args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(["init", ...args], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTTY: false,
    env,
    cwd: project,
    stdin: process.stdin,
  });
  return { code, out, err };
}

const read = (rel: string) => readFile(path.join(project, rel), "utf8");

describe("agentroute init", () => {
  it("writes a starter dataset from the agents' examples and the transcripts, every row marked for review", async () => {
    const result = await initProject({ projectDir: project, env });
    expect(result.files.map((f) => [f.file, f.outcome])).toEqual([
      [INIT_PATHS.dataset, "written"],
      [".gitignore", "written"],
      [INIT_PATHS.workflow, "written"],
    ]);
    // 11 <example> blocks in the 12 agents; the transcript's 3 prompts (its slash command is left out).
    expect(result.rows).toEqual({ examples: 11, skillCues: 0, transcripts: 3 });
    expect([result.agents, result.skills, result.folders]).toEqual([12, 0, [".claude/agents"]]);
    const agentNames = (await import("../../src/agents/load/load.js")).loadAgents;
    const names = (await agentNames(path.join(project, ".claude/agents"))).agents.map((a) => a.name);
    const dataset = await readDataset(path.join(project, INIT_PATHS.dataset), { agentNames: names });
    expect(dataset.rows).toHaveLength(14);
    expect(dataset.rows.every((row) => row.tags.review === "todo")).toBe(true);
    expect(dataset.rows.filter((row) => row.tags.source === "transcript").map((r) => [r.prompt, r.expected])).toEqual([
      // Claude Code dispatched test-writer (not in this set) and code-reviewer; then two prompts without an agent.
      ["Write Jest tests for the cart reducer", ["code-reviewer"]],
      ["now plan the migration to Postgres 16", []],
      ["what time is it?", []],
    ]);
    expect(dataset.rows[0]).toMatchObject({ expected: ["code-reviewer"], tags: { source: "agent-example" } });
  });

  it("prints what it wrote and the next steps; a second run overwrites nothing", async () => {
    await writeFile(path.join(project, ".gitignore"), "node_modules/");
    const first = await runInit();
    expect(first.code).toBe(0);
    expect(first.out).toContain("wrote agentroute/routing.csv (11 rows from the 12 agents' <example> blocks, 3 from");
    expect(first.out).toContain("added .agentroute-cache/ to .gitignore");
    expect(first.out).toMatch(/Next:\n {2}1\. Review agentroute\/routing\.csv/);
    expect(await read(".gitignore")).toBe("node_modules/\n.agentroute-cache/\n");
    await writeFile(path.join(project, INIT_PATHS.dataset), "prompt,expected\nmine,debugger\n");
    const second = await runInit();
    expect(second.code).toBe(0);
    expect(second.out).toContain("kept (exists, not overwritten): agentroute/routing.csv");
    expect(second.out).toContain("already ignores the cache: .gitignore");
    expect(second.out).toContain("kept (exists, not overwritten): .github/workflows/agentroute.yml");
    expect(await read(INIT_PATHS.dataset)).toBe("prompt,expected\nmine,debugger\n");
    expect(await read(".gitignore")).toBe("node_modules/\n.agentroute-cache/\n");
  });

  it.each([".agentroute-cache", "/.agentroute-cache/", ".agentroute-cache/**"])(
    "leaves a .gitignore that already ignores the cache as %j alone",
    async (line) => {
      await writeFile(path.join(project, ".gitignore"), `dist\n${line}\n`);
      await initProject({ projectDir: project, env });
      expect(await read(".gitignore")).toBe(`dist\n${line}\n`);
    },
  );

  it("refuses to write through a symlink, exits 1 and writes nothing outside the project", async () => {
    const outside = path.join(root, "outside");
    await mkdir(outside);
    await symlink(outside, path.join(project, ".github"));
    await symlink(path.join(outside, "ignore"), path.join(project, ".gitignore"));
    const run = await runInit();
    expect(run.code).toBe(1);
    expect(run.out).toContain("refused to write .github/workflows/agentroute.yml (.github is a symlink)");
    expect(run.out).toContain("refused to write .gitignore (.gitignore is a symlink)");
    expect(existsSync(path.join(outside, "workflows"))).toBe(false);
    expect(existsSync(path.join(outside, "ignore"))).toBe(false);
  });

  it("leaves transcripts out with --no-transcripts", async () => {
    await runInit(["--no-transcripts"]);
    expect((await read(INIT_PATHS.dataset)).split("\n").filter((l) => l.includes(",transcript,"))).toEqual([]);
  });

  it("names the folders when the project has neither .claude/agents nor .claude/skills (exit 2)", async () => {
    const run = await runInit([root]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      `error: ${path.join(root, ".claude/agents")}: no .claude/agents or .claude/skills folder in ${root}`,
    );
  });
});

describeShared("agentroute init with skills", () => {
  const skills = () =>
    cp(sharedPath("skill-sets/obra-superpowers"), path.join(project, ".claude/skills"), { recursive: true });

  it("in a project with only .claude/skills: a row per skill that names its situation, and a gate over the skills", async () => {
    await rm(path.join(project, ".claude/agents"), { recursive: true });
    await skills();
    const run = await runInit(["--no-transcripts"]);
    expect(run.code, run.err).toBe(0);
    // 13 of the 14 say "Use when …"; brainstorming's "You MUST use this before any creative work" names no situation.
    expect(run.out).toContain("(13 from the 14 skills' cues");
    expect(run.out).toContain("npx agentroute eval --agents .claude/skills --dataset agentroute/routing.csv");
    expect(run.out).toContain("rewrite them as a user would ask");
    const { loadAgents } = await import("../../src/agents/load/load.js");
    const agentNames = (await loadAgents(path.join(project, ".claude/skills"))).agents.map((a) => a.name);
    const dataset = await readDataset(path.join(project, INIT_PATHS.dataset), { agentNames });
    expect(dataset.rows).toHaveLength(13);
    expect(dataset.rows.some((r) => r.expected[0] === "brainstorming")).toBe(false);
    expect(dataset.rows.every((r) => r.tags.source === "skill-cue" && r.tags.review === "todo")).toBe(true);
    const debugging = dataset.rows.find((r) => r.expected[0] === "systematic-debugging")!;
    expect(debugging.prompt).toBe("Encountering any bug, test failure, or unexpected behavior, before proposing fixes");
    const workflow = await read(INIT_PATHS.workflow);
    expect(workflow).toContain('paths: [".claude/skills/**", "agentroute/**"');
    expect(workflow).toContain("eval --agents .claude/skills --dataset");
  });

  it("in a project with both: agents' examples, then skills' cues, and a gate with --scope project", async () => {
    await skills();
    const result = await initProject({ projectDir: project, env, transcripts: false });
    expect(result.rows).toEqual({ examples: 11, skillCues: 13, transcripts: 0 });
    expect(result.folders).toEqual([".claude/agents", ".claude/skills"]);
    const workflow = await read(INIT_PATHS.workflow);
    expect(workflow).toContain("eval --scope project --dataset");
    expect(workflow).toContain("hashFiles('.claude/agents/**', '.claude/skills/**')");
  });
});

describe.skipIf(!existsSync(CLI))("the workflow init writes", () => {
  it("runs a gate that passes on the baseline recorded as the next steps say", async () => {
    await initProject({ projectDir: project, env });
    const workflow = await read(INIT_PATHS.workflow);
    expect(workflow).toMatch(/npx --yes agentroute@\d+\.\d+\.\d+ eval/);
    const gate = /run: >-\n((?: {10}.+\n)+)/.exec(workflow)![1]!.trim().split(/\s+/);
    expect(gate.slice(0, 3)).toEqual(["npx", "--yes", expect.stringMatching(/^agentroute@/)]);
    const cliEnv = { PATH: process.env.PATH, HOME: env.HOME, AGENTROUTE_CACHE_DIR: process.env.AGENTROUTE_CACHE_DIR };
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { cwd: project, env: cliEnv, encoding: "utf8" });
    // Step 3 of the next steps, then the workflow's own command line with this build as agentroute.
    const baseline = cli([
      "eval",
      "--agents",
      ".claude/agents",
      "--dataset",
      INIT_PATHS.dataset,
      "--out",
      "agentroute",
      "--format",
      "json",
    ]);
    expect(baseline.status, baseline.stderr).toBe(0);
    await cp(path.join(project, "agentroute/report.json"), path.join(project, INIT_PATHS.baseline));
    const run = cli(gate.slice(3));
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(project, "agentroute-report", "junit.xml"))).toBe(true);
  });
});
