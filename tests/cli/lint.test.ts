import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { colourFor } from "../../src/cli/colour.js";
import { CLI, REPO_ROOT, describeShared, sharedPath } from "../helpers/shared.js";

const LAYOUTS = path.join(REPO_ROOT, "tests/fixtures/agents/layouts");
const work = mkdtempSync(path.join(tmpdir(), "agentroute-lint-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (no TTY, so no colours). */
function runLint(args: string[], cwd = REPO_ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "lint", ...args], { cwd, env: { PATH: process.env.PATH } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const AGENT_KEYS = [
  "name",
  "file",
  "triggers",
  "mustBeUsed",
  "proactive",
  "engage",
  "notEngage",
  "capabilities",
  "examples",
];
const DIAGNOSTIC_KEYS = ["file", "line", "severity", "code", "message", "hint"];

describe.skipIf(!existsSync(CLI))(
  "agentroute lint, end to end through the built CLI (run `npm run build` first)",
  () => {
    it("prints one line per diagnostic with a hint, and a summary; exit 0 without errors", async () => {
      const run = await runLint(["tests/fixtures/agents/layouts"]);
      expect(run).toEqual({
        code: 0,
        stderr: "",
        stdout: [
          'tests/fixtures/agents/layouts/.claude/agents/claude-agent.md:3  warning  shared-trigger  trigger "flat" is shared by claude-agent, flat-agent',
          "  hint: Keep the phrase on the agent that should win, or make each agent's phrase more specific.",
          'tests/fixtures/agents/layouts/.claude/agents/claude-agent.md:7  warning  unknown-redirect  "Plugins (use ghost-agent)" redirects to "ghost-agent", which is not an agent in this set',
          "  hint: Add an agent named ghost-agent, or point the bullet at an agent that exists.",
          "tests/fixtures/agents/layouts/plugins/p1/agents/notes.md:1  warning  no-frontmatter  file has no `---` frontmatter, so it is not an agent",
          "  hint: Add frontmatter with `name` and `description`, or move the file out of the agents folder.",
          'tests/fixtures/agents/layouts/plugins/p1/agents/plugin-agent.md:3  info  hard-to-route  agent "plugin-agent" has no "Triggers on" phrases and no <example> blocks',
          '  hint: Add `Triggers on "…", "…"` or an <example> with a typical user request to the description.',
          "3 agents, 0 errors, 3 warnings, 1 info",
          "",
        ].join("\n"),
      });
    });

    it("--json prints exactly { agents, diagnostics } in the documented shape", async () => {
      const run = await runLint(["--json", LAYOUTS]);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as {
        agents: Record<string, unknown>[];
        diagnostics: Record<string, unknown>[];
      };
      expect(Object.keys(report)).toEqual(["agents", "diagnostics"]);
      for (const agent of report.agents) expect(Object.keys(agent)).toEqual(AGENT_KEYS);
      for (const d of report.diagnostics) expect(Object.keys(d)).toEqual(DIAGNOSTIC_KEYS);
      expect(report.agents.map((a) => a.file)).toEqual([
        ".claude/agents/claude-agent.md",
        "flat-agent.md",
        "plugins/p1/agents/plugin-agent.md",
      ]);
      expect(report.agents[0]).toMatchObject({
        mustBeUsed: [{ text: "claude things", line: 3 }],
        triggers: [
          { text: "flat", line: 3 },
          { text: "claude", line: 3 },
        ],
        notEngage: [
          { text: "Flat things (use flat-agent)", line: 6, redirects: ["flat-agent"] },
          { text: "Plugins (use ghost-agent)", line: 7, redirects: ["ghost-agent"] },
        ],
      });
    });

    it("exits 1 when there are errors (an empty folder has no agents)", async () => {
      const empty = path.join(work, "empty");
      mkdirSync(empty);
      const run = await runLint([empty]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^\S*empty:1 {2}error {2}no-agents {2}no agents or skills found in /);
      expect(run.stdout.endsWith("0 agents, 1 error, 0 warnings, 0 infos\n")).toBe(true);
    });

    it.each([
      [["/definitely/not/here"], /^error: \/definitely\/not\/here: agents folder not found\nhint: /],
      [["--bogus"], /^error: unknown option '--bogus'/],
      [["a", "b"], /^error: too many arguments/],
    ])("exits 2 on a usage error: %j", async (args, stderr) => {
      const run = await runLint(args);
      expect([run.code, run.stdout]).toEqual([2, ""]);
      expect(run.stderr).toMatch(stderr);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it("defaults to Claude Code's scopes: .claude/agents in the working folder, else agents/", async () => {
      const both = path.join(work, "both");
      cpSync(path.join(LAYOUTS, ".claude"), path.join(both, ".claude"), { recursive: true });
      cpSync(path.join(LAYOUTS, "plugins/p1/agents"), path.join(both, "agents"), { recursive: true });
      const fromClaude = JSON.parse((await runLint(["--json"], both)).stdout) as { agents: { name: string }[] };
      expect(fromClaude.agents.map((a) => a.name)).toEqual(["claude-agent"]);
      rmSync(path.join(both, ".claude"), { recursive: true });
      const fromAgents = JSON.parse((await runLint(["--json"], both)).stdout) as { agents: { name: string }[] };
      expect(fromAgents.agents.map((a) => a.name)).toEqual(["plugin-agent"]);
      rmSync(path.join(both, "agents"), { recursive: true });
      const neither = await runLint([], both);
      expect(neither.code).toBe(2);
      expect(neither.stderr).toContain(`no agents or skills found (scope all) for ${both}`);
    });
  },
);

describe("agentroute lint in-process: colours", () => {
  /** Runs `lint` through runCli with a fake terminal; returns stdout and the exit code. */
  async function runInProcess(stdoutIsTTY: boolean, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
    let out = "";
    const code = await runCli(["lint", LAYOUTS], {
      out: (t) => (out += t),
      err: () => undefined,
      // stderr is a terminal in every case: only stdout decides the colour of stdout.
      isTTY: true,
      colour: { out: colourFor(stdoutIsTTY, env), err: colourFor(true, env) },
      env,
      cwd: REPO_ROOT,
      stdin: process.stdin,
    });
    return { code, out };
  }

  it.each([
    [true, {}, true],
    [true, { NO_COLOR: "1" }, false],
    [false, {}, false],
    [false, { FORCE_COLOR: "1" }, true],
    [true, { FORCE_COLOR: "0" }, false],
  ])("stdout a terminal=%s env=%j → ANSI colours %s", async (isTTY, env, coloured) => {
    const { code, out } = await runInProcess(isTTY, env);
    expect(code).toBe(0);
    expect(out.includes("\u001b[")).toBe(coloured);
    expect(
      out
        .split("\u001b")
        .map((part) => part.replace(/^\[[0-9;]*m/, ""))
        .join(""),
    ).toContain("3 agents, 0 errors, 3 warnings, 1 info");
  });
});

describeShared("agentroute lint on the real sets", () => {
  it.skipIf(!existsSync(CLI))(
    "claude-config-12: exit 0, the two shared triggers and three unknown redirects",
    async () => {
      const run = await runLint(["--json", sharedPath("agent-sets", "claude-config-12")]);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as {
        agents: { name: string; notEngage: unknown[] }[];
        diagnostics: { file: string; line: number; severity: string; code: string; message: string }[];
      };
      expect(report.agents).toHaveLength(12);
      expect(report.diagnostics.map((d) => [d.file, d.line, d.severity, d.code, d.message])).toEqual([
        [
          "backend-engineer.md",
          3,
          "warning",
          "shared-trigger",
          'trigger "database" is shared by backend-engineer, data-engineer',
        ],
        [
          "backend-engineer.md",
          40,
          "warning",
          "unknown-redirect",
          '"Tasks better suited for api-architect or database-admin" redirects to "api-architect" and "database-admin", which are not agents in this set',
        ],
        ["data-engineer.md", 3, "warning", "shared-trigger", 'trigger "pipeline" is shared by data-engineer, devops'],
        [
          "test-engineer.md",
          41,
          "warning",
          "unknown-redirect",
          '"Tasks better suited for code-reviewer or performance-engineer" redirects to "performance-engineer", which is not an agent in this set',
        ],
      ]);
      expect(report.agents.find((a) => a.name === "backend-engineer")?.notEngage).toEqual([
        { text: "Frontend or UI development tasks", line: 39, redirects: [] },
        {
          text: "Tasks better suited for api-architect or database-admin",
          line: 40,
          redirects: ["api-architect", "database-admin"],
        },
      ]);
    },
  );

  it.skipIf(!existsSync(CLI))(
    "voltagent-subagents: exit 1 for the 8 malformed files, all 158 agents still listed",
    async () => {
      const run = await runLint([sharedPath("agent-sets", "voltagent-subagents")]);
      expect(run.code).toBe(1);
      expect(run.stdout.match(/:3 {2}error {2}malformed-frontmatter/g)).toHaveLength(8);
      expect(run.stdout.endsWith("158 agents, 8 errors, 0 warnings, 150 infos\n")).toBe(true);
    },
  );
});
