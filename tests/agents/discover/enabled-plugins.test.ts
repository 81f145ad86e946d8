import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAgents } from "../../../src/agents/discover/discover.js";
import { describeShared, sharedPath } from "../../helpers/shared.js";

function write(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
}

const PLUGINS = ["backend-development", "incident-response"] as const;

// Two real plugins of the shared marketplace, installed as Claude Code records them.
describeShared("discovery honours enabledPlugins (shared plugin marketplace)", () => {
  let root: string;
  let project: string;
  let home: string;
  const env = () => ({ HOME: home });
  const pluginsOf = async (kind?: "agents" | "skills") =>
    [...new Set((await discoverAgents({ cwd: project, env: env(), scope: "plugins", kind })).agents.map((a) => a.plugin))];
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), "agentroute-enabled-"));
    project = path.join(root, "repo");
    home = path.join(root, "home");
    mkdirSync(project, { recursive: true });
    const plugins = Object.fromEntries(
      PLUGINS.map((name) => [
        `${name}@claude-code-workflows`,
        [{ scope: "user", installPath: sharedPath("plugin-marketplace/wshobson-agents/plugins", name) }],
      ]),
    );
    write(path.join(home, ".claude/plugins/installed_plugins.json"), { version: 2, plugins });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const settings = (where: "user" | "project" | "local", enabledPlugins: Record<string, boolean> | null) => {
    const file = {
      user: path.join(home, ".claude/settings.json"),
      project: path.join(project, ".claude/settings.json"),
      local: path.join(project, ".claude/settings.local.json"),
    }[where];
    if (enabledPlugins === null) rmSync(file, { force: true });
    else write(file, { enabledPlugins });
  };

  it("offers every installed plugin that no settings file turns off", async () => {
    expect(await pluginsOf()).toEqual([...PLUGINS]);
  });

  it("leaves out a plugin turned off, for agents and skills alike, and says where it was turned off", async () => {
    settings("user", { "incident-response@claude-code-workflows": false, "backend-development@claude-code-workflows": true });
    try {
      expect(await pluginsOf("agents")).toEqual(["backend-development"]);
      expect(await pluginsOf("skills")).toEqual(["backend-development"]);
      const set = await discoverAgents({ cwd: project, env: env(), scope: "plugins" });
      const notes = set.diagnostics.filter((d) => d.code === "plugin-disabled");
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ severity: "info", file: path.join(home, ".claude/settings.json") });
      expect(notes[0]!.message).toContain("incident-response@claude-code-workflows is turned off");
    } finally {
      settings("user", null);
    }
  });

  it("lets the project's settings override the user's, and the local settings override both", async () => {
    const id = "backend-development@claude-code-workflows";
    settings("user", { [id]: false });
    settings("project", { [id]: true });
    try {
      expect(await pluginsOf()).toEqual([...PLUGINS]);
      settings("local", { [id]: false });
      expect(await pluginsOf()).toEqual(["incident-response"]);
      const notes = (await discoverAgents({ cwd: project, env: env() })).diagnostics.filter((d) => d.code === "plugin-disabled");
      expect(notes.map((d) => d.file)).toEqual([".claude/settings.local.json"]);
    } finally {
      for (const where of ["user", "project", "local"] as const) settings(where, null);
    }
  });

  it("a settings file that is not JSON is reported and switches nothing off", async () => {
    write(path.join(project, ".claude/settings.json"), "{ not json");
    try {
      const set = await discoverAgents({ cwd: project, env: env(), scope: "plugins" });
      expect([...new Set(set.agents.map((a) => a.plugin))]).toEqual([...PLUGINS]);
      expect(set.diagnostics.some((d) => d.code === "invalid-manifest" && d.file === ".claude/settings.json")).toBe(true);
    } finally {
      settings("project", null);
    }
  });
});

describe("enabledPlugins and the hook's agents", () => {
  it("is read only for installed plugins: a project's own agents are never switched off", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "agentroute-enabled-own-"));
    try {
      write(path.join(root, ".claude/agents/reviewer.md"), "---\nname: reviewer\ndescription: Reviews code.\n---\nBody.\n");
      write(path.join(root, ".claude/settings.json"), { enabledPlugins: { "reviewer@x": false } });
      const set = await discoverAgents({ cwd: root, env: { HOME: path.join(root, "home") } });
      expect(set.agents.map((a) => a.name)).toEqual(["reviewer"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
