import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAgents, requireAgents } from "../../../src/agents/discover/discover.js";
import { lintAgents } from "../../../src/agents/lint/lint.js";
import { describeShared, sharedPath } from "../../helpers/shared.js";

const agent = (name: string, description = `Use when ${name} work is needed. Triggers on "${name}".`) =>
  `---\nname: ${name}\ndescription: ${description}\n---\nBody.\n`;
const skill = (name: string, extra = "") => `---\nname: ${name}\ndescription: Use when ${name} is asked for.\n${extra}---\n# ${name}\n`;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("discoverAgents: Claude Code's scopes", () => {
  let root: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "agentroute-discover-"));
    project = path.join(root, "repo");
    const home = path.join(root, "home");
    env = { HOME: home };
    write(path.join(project, ".claude/agents/reviewer.md"), agent("reviewer"));
    write(path.join(project, ".claude/skills/release-notes/SKILL.md"), skill("release-notes", "when_to_use: Before tagging a release.\n"));
    write(path.join(home, ".claude/agents/reviewer.md"), agent("reviewer", "The user's own reviewer."));
    write(path.join(home, ".claude/agents/planner.md"), agent("planner"));
    write(path.join(home, ".claude/skills/notes/SKILL.md"), "---\ndescription: Use when taking notes.\n---\n");
    // An installed plugin whose plugin.json moves its agents to ./roles (replacing agents/).
    const plugin = path.join(home, ".claude/plugins/cache/mkt/toolkit/1.0.0");
    write(path.join(plugin, ".claude-plugin/plugin.json"), JSON.stringify({ name: "toolkit", agents: "./roles" }));
    write(path.join(plugin, "roles/review/security-sentinel.md"), agent("security-sentinel"));
    write(path.join(plugin, "agents/ignored.md"), agent("ignored"));
    write(path.join(plugin, "skills/brainstorming/SKILL.md"), skill("brainstorming"));
    write(
      path.join(home, ".claude/plugins/installed_plugins.json"),
      JSON.stringify({ version: 2, plugins: { "toolkit@mkt": [{ scope: "user", installPath: plugin }] } }),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads project, user and plugin agents and skills, each saying its scope and file", async () => {
    const set = await discoverAgents({ cwd: project, env });
    const rows = set.agents.map((a) => [a.scope, a.kind ?? "agent", a.name, path.basename(a.file)]);
    expect(rows).toEqual([
      ["user", "skill", "notes", "SKILL.md"],
      ["user", "agent", "planner", "planner.md"],
      ["project", "skill", "release-notes", "SKILL.md"],
      ["project", "agent", "reviewer", "reviewer.md"],
      ["plugin", "skill", "toolkit:brainstorming", "SKILL.md"],
      ["plugin", "agent", "toolkit:review:security-sentinel", "security-sentinel.md"],
    ]);
    expect(set.agents.find((a) => a.name === "reviewer")!.file).toBe(".claude/agents/reviewer.md");
    expect(set.agents.find((a) => a.name === "release-notes")!.engage[0]!.text).toBe("Before tagging a release.");
  });

  it("lets the project win a name clash, with a note on the user's file", async () => {
    const set = await discoverAgents({ cwd: project, env });
    const shadowed = set.diagnostics.filter((d) => d.code === "shadowed");
    expect(shadowed).toHaveLength(1);
    expect(shadowed[0]!.file).toBe(path.join(root, "home/.claude/agents/reviewer.md"));
    expect(shadowed[0]!.message).toContain("shadowed by .claude/agents/reviewer.md (project)");
  });

  it.each([
    ["project", undefined, ["release-notes", "reviewer"]],
    ["user", undefined, ["notes", "planner", "reviewer"]],
    ["plugins", undefined, ["toolkit:brainstorming", "toolkit:review:security-sentinel"]],
    ["all", "skills", ["notes", "release-notes", "toolkit:brainstorming"]],
    ["project", "agents", ["reviewer"]],
  ] as const)("--scope %s --kind %s", async (scope, kind, names) => {
    const set = await discoverAgents({ cwd: project, env, scope, kind });
    expect(set.agents.map((a) => a.name)).toEqual(names);
  });

  it("reads exactly the folder or file given with --agents", async () => {
    const folder = await discoverAgents({ cwd: project, env, agentsDir: path.join(root, "home/.claude/agents") });
    expect(folder.agents.map((a) => [a.name, a.scope])).toEqual([["planner", "folder"], ["reviewer", "folder"]]);
    const one = await discoverAgents({ cwd: project, env, agentsDir: ".claude/skills/release-notes/SKILL.md" });
    expect(one.agents.map((a) => [a.name, a.kind])).toEqual([["release-notes", "skill"]]);
    expect(lintAgents(one).filter((d) => d.code === "name-mismatch")).toEqual([]);
  });

  it("says where it looked when a scope has nothing", async () => {
    const empty = await discoverAgents({ cwd: path.join(root, "nowhere"), env: { HOME: path.join(root, "nohome") } });
    expect(() => requireAgents(empty)).toThrow(/no agents or skills found \(scope all\)/);
  });

  it("refuses a plugin path that leaves the plugin folder", async () => {
    const dir = path.join(root, "escape");
    write(path.join(dir, ".claude-plugin/plugin.json"), JSON.stringify({ name: "bad", agents: ["../../home/.claude/agents"] }));
    const set = await discoverAgents({ cwd: project, env, agentsDir: dir });
    expect(set.agents).toEqual([]);
    expect(set.diagnostics.map((d) => d.code)).toContain("path-outside-plugin");
  });

  it("reports a broken plugin.json with its file instead of throwing", async () => {
    const dir = path.join(root, "broken");
    write(path.join(dir, ".claude-plugin/plugin.json"), "{ not json");
    write(path.join(dir, "agents/a.md"), agent("a"));
    const set = await discoverAgents({ cwd: dir, env: { HOME: path.join(root, "nohome") }, scope: "plugins" });
    expect(set.agents.map((a) => a.name)).toEqual(["broken:a"]);
    expect(set.diagnostics.find((d) => d.code === "invalid-manifest")!.file).toBe(".claude-plugin/plugin.json");
  });
});

describeShared("discoverAgents on the shared plugin marketplace", () => {
  it("namespaces the copied plugins' agents and skills and notes the entries it cannot read", async () => {
    const dir = sharedPath("plugin-marketplace/wshobson-agents");
    const set = await discoverAgents({ cwd: dir, env: { HOME: "/nonexistent" }, agentsDir: dir });
    const skills = set.agents.filter((a) => a.kind === "skill");
    expect([set.agents.length - skills.length, skills.length]).toEqual([23, 22]);
    expect(set.agents.every((a) => a.scope === "plugin" && a.name.startsWith(`${a.plugin}:`))).toBe(true);
    expect(set.agents.map((a) => a.name)).toContain("backend-development:backend-development-test-automator");
    expect(set.agents.map((a) => a.name)).toContain("incident-response:incident-response-test-automator");
    const notes = set.diagnostics.filter((d) => d.code === "plugins-not-read").map((d) => d.message);
    expect(notes).toEqual([
      "1 plugin(s) come from another repository (pensyve); not read",
      expect.stringMatching(/^87 of 92 plugins have no folder here/),
    ]);
    // Component files only: commands/*.md are not agents.
    expect(set.agents.some((a) => a.file.includes("/commands/"))).toBe(false);
  });
});
