import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDecision } from "../../src/classify/types.js";
import { loadHookAgents } from "../../src/hook/agents.js";
import { finishHook, renderHookOutput } from "../../src/hook/hook.js";
import { describeShared, REPO_ROOT, sharedPath } from "../helpers/shared.js";

const contextOf = (stdout: string): string =>
  stdout === ""
    ? ""
    : (JSON.parse(stdout) as { hookSpecificOutput: { additionalContext: string } }).hookSpecificOutput
        .additionalContext;

// A project with the fixture agents and obra's superpowers skills, a user with Anthropic's
// skills, and one installed plugin from the shared marketplace: what Claude Code would offer.
describeShared("the hook suggests skills as well as agents", () => {
  let root: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  const hook = async (prompt: string) =>
    contextOf(
      await finishHook({ text: JSON.stringify({ prompt, cwd: project }) }, { env, embeddings: false, server: false }),
    );
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "agentroute-hookskills-"));
    project = path.join(root, "project");
    const home = path.join(root, "home");
    env = { HOME: home };
    cpSync(path.join(REPO_ROOT, "tests/fixtures/dispatch/hook-project"), project, { recursive: true });
    cpSync(sharedPath("skill-sets/obra-superpowers"), path.join(project, ".claude/skills"), { recursive: true });
    cpSync(sharedPath("skill-sets/anthropics-skills"), path.join(home, ".claude/skills"), { recursive: true });
    const installPath = sharedPath("plugin-marketplace/wshobson-agents/plugins/cicd-automation");
    mkdirSync(path.join(home, ".claude/plugins"), { recursive: true });
    writeFileSync(
      path.join(home, ".claude/plugins/installed_plugins.json"),
      JSON.stringify({ version: 2, plugins: { "cicd-automation@claude-code-workflows": [{ installPath }] } }),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("loads project, user and plugin skills beside the agents", async () => {
    const set = (await loadHookAgents(project, env))!;
    const kinds = (scope: string, kind: string) =>
      set.agents.filter((a) => a.scope === scope && (a.kind ?? "agent") === kind).length;
    expect(kinds("project", "agent")).toBe(3);
    expect(kinds("project", "skill")).toBe(14);
    expect(kinds("user", "skill")).toBe(12);
    expect(kinds("plugin", "skill")).toBeGreaterThan(0);
    expect(set.agents.some((a) => a.name.startsWith("cicd-automation:") && a.kind === "skill")).toBe(true);
  });

  it("names a skill as a skill, and says it loads with the Skill tool", async () => {
    const context = await hook("set up a git worktree for this branch");
    expect(context).toMatch(/^agentroute: this looks like a job for the skill using-git-worktrees \(confidence /);
    expect(context).toContain("Load a skill with the Skill tool.");
  });

  it("words an agent as before", async () => {
    expect(await hook("Please review my pull request before I merge it")).toMatch(
      /^agentroute: this looks like a job for code-reviewer \(confidence [\d.]+; trigger "review", "pull request"\)\.$/,
    );
  });

  it("offers no skill of a plugin the settings turn off", async () => {
    const settings = path.join(env.HOME!, ".claude/settings.json");
    writeFileSync(settings, JSON.stringify({ enabledPlugins: { "cicd-automation@claude-code-workflows": false } }));
    try {
      const set = (await loadHookAgents(project, env))!;
      expect(set.agents.filter((a) => a.scope === "plugin")).toEqual([]);
      expect(set.diagnostics.some((d) => d.code === "plugin-disabled")).toBe(true);
    } finally {
      rmSync(settings);
    }
  });
});

describe("renderHookOutput with skills", () => {
  const decision: RouteDecision = {
    prompt: "p",
    dispatch: ["db-migrator", "pdf"],
    ranked: [
      { agent: "db-migrator", score: 0.8 },
      { agent: "pdf", score: 0.7 },
    ],
    mode: "keyword",
    model: null,
    reasons: { summary: "s", threshold: 0.5, agents: [] },
  };

  it("says which is the subagent and which the skill when both are suggested", () => {
    const kinds = new Map([
      ["db-migrator", "agent"],
      ["pdf", "skill"],
    ] as const);
    expect(contextOf(renderHookOutput(decision, kinds))).toBe(
      "agentroute: this looks like a job for the subagent db-migrator and the skill pdf (confidence 0.80). Load a skill with the Skill tool.",
    );
  });

  it("keeps the agents-only wording when no skill is among them", () => {
    expect(contextOf(renderHookOutput(decision))).toBe(
      "agentroute: this looks like a job for db-migrator and pdf (confidence 0.80).",
    );
  });
});
