import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { AgentRouteError } from "../../errors.js";
import { claudeConfigDir } from "../../util/claude-config.cjs";
import { sortDiagnostics } from "../diagnostic.js";
import { loadAgentFile, loadAgents, type LoadKind } from "../load/load.js";
import type { AgentLimits } from "../limits.js";
import type { AgentScope, AgentSet, AgentSpec, Diagnostic } from "../types.js";
import { readEnabledPlugins } from "./enabled.js";
import { mergeSources, type LoadedSource } from "./merge.js";
import { MANIFEST_DIR, readInstalledPlugins, readMarketplace, readPlugin, type PluginSource } from "./plugins.js";

/** The scopes `--scope` names; `all` is every one, in Claude Code's order of precedence. */
export const SCOPES = ["project", "user", "plugins"] as const;
export type ScopeName = (typeof SCOPES)[number];
export type ScopeOption = ScopeName | "all";
export const KINDS: readonly LoadKind[] = ["agents", "skills", "all"];

export interface DiscoverOptions {
  /** The project folder (Claude Code's cwd, or CLAUDE_PROJECT_DIR in a hook). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A folder (or one file) the user named: read exactly that, nothing else. */
  agentsDir?: string;
  /** Default "all". Ignored with `agentsDir`. */
  scope?: ScopeOption;
  /** Default "all": agents and skills. */
  kind?: LoadKind;
  limits?: Partial<AgentLimits>;
}

export { claudeConfigDir };

/**
 * The one discovery every command uses, resolving as Claude Code does: the project's
 * `.claude/agents` and `.claude/skills` (or a legacy `agents/` folder when there is no
 * `.claude/agents`), the user's `~/.claude/agents` and `~/.claude/skills`, and plugin
 * agents and skills named `plugin:name` (installed plugins from
 * `~/.claude/plugins/installed_plugins.json`, and the project itself when it is a plugin or
 * marketplace being developed). The project wins a name clash over the user, with an `info`
 * note on the file that lost; each agent says its `scope` and `file`. `agentsDir` reads that
 * one folder (a plugin or marketplace folder is read as plugins) or one file.
 * An empty result is not thrown here; `requireAgents` says what was searched.
 *
 * @example
 * const set = await discoverAgents({ cwd: "/repo", env: process.env, scope: "all" });
 * set.agents.map((a) => `${a.scope} ${a.name}`) // ["project reviewer", "plugin superpowers:code-reviewer", …]
 */
export async function discoverAgents(options: DiscoverOptions): Promise<AgentSet> {
  const cwd = path.resolve(options.cwd);
  if (options.agentsDir !== undefined && options.agentsDir !== "") return readGiven(cwd, options);
  const scope = options.scope ?? "all";
  const sources: LoadedSource[] = [];
  const kind = options.kind ?? "all";
  const load = (dir: string, scopeName: AgentScope, loadKind: LoadKind | null) => loadFolder(dir, scopeName, loadKind, options);
  if (scope === "all" || scope === "project") {
    const claudeAgents = path.join(cwd, ".claude", "agents");
    const legacy = path.join(cwd, "agents");
    const agentsFolder = (await isFolder(claudeAgents)) || !(await isFolder(legacy)) ? claudeAgents : legacy;
    sources.push(...(await load(agentsFolder, "project", narrow(kind, "agents"))));
    sources.push(...(await load(path.join(cwd, ".claude", "skills"), "project", narrow(kind, "skills"))));
  }
  if (scope === "all" || scope === "user") {
    const config = claudeConfigDir(options.env);
    sources.push(...(await load(path.join(config, "agents"), "user", narrow(kind, "agents"))));
    sources.push(...(await load(path.join(config, "skills"), "user", narrow(kind, "skills"))));
  }
  const notes: Diagnostic[] = [];
  if (scope === "all" || scope === "plugins") {
    const config = claudeConfigDir(options.env);
    const enabled = await readEnabledPlugins(cwd, config, cwd);
    notes.push(...enabled.diagnostics);
    const found = [await projectPlugins(cwd, cwd), await readInstalledPlugins(config, cwd, enabled.switches)];
    for (const { plugins, diagnostics } of found) {
      notes.push(...diagnostics);
      for (const plugin of plugins) sources.push(...(await loadPlugin(plugin, kind, options)));
    }
  }
  return finish(mergeSources(sources, cwd), notes);
}

/**
 * Throws NOT_FOUND when discovery found no folder at all, naming where it looked.
 *
 * @example
 * requireAgents(await discoverAgents({ cwd, env, scope: "project" }), "project")
 */
export function requireAgents(set: AgentSet, scope: ScopeOption = "all"): AgentSet {
  if (set.sources === undefined || set.sources.length > 0) return set;
  throw new AgentRouteError("NOT_FOUND", `no agents or skills found (scope ${scope}) for ${set.root}`, {
    hint: "Claude Code reads .claude/agents, .claude/skills, ~/.claude/agents, ~/.claude/skills and installed plugins; or pass --agents DIR.",
    file: set.root,
  });
}

async function readGiven(cwd: string, options: DiscoverOptions): Promise<AgentSet> {
  const given = path.resolve(cwd, options.agentsDir!);
  const info = await stat(given).catch(() => undefined);
  if (info?.isFile()) return loadAgentFile(given, { limits: options.limits });
  const kind = options.kind ?? "all";
  if (info?.isDirectory()) {
    const plugins = await projectPlugins(given, given);
    if (plugins.plugins.length > 0) {
      const sources: LoadedSource[] = [];
      for (const plugin of plugins.plugins) sources.push(...(await loadPlugin(plugin, kind, options, given)));
      return finish(mergeSources(sources, given), plugins.diagnostics);
    }
  }
  // loadAgents says what is wrong with a missing folder.
  const set = await loadAgents(given, { limits: options.limits, kind });
  for (const agent of set.agents) agent.scope = "folder";
  return set;
}

/** The project as a marketplace or plugin under development (`.claude-plugin/` at its root). */
async function projectPlugins(root: string, displayRoot: string): Promise<{ plugins: PluginSource[]; diagnostics: Diagnostic[] }> {
  const manifests = path.join(root, MANIFEST_DIR);
  if (await isFile(path.join(manifests, "marketplace.json"))) return readMarketplace(root, displayRoot);
  if (await isFile(path.join(manifests, "plugin.json"))) {
    const { plugin, diagnostics } = await readPlugin(root, {}, displayRoot);
    return { plugins: [plugin], diagnostics };
  }
  return { plugins: [], diagnostics: [] };
}

async function loadPlugin(plugin: PluginSource, kind: LoadKind, options: DiscoverOptions, displayRoot?: string): Promise<LoadedSource[]> {
  const out: LoadedSource[] = [];
  const parts = [
    ...(kind === "skills" ? [] : plugin.agents.map((p) => ({ p, k: "agents" as const }))),
    ...(kind === "agents" ? [] : plugin.skills.map((p) => ({ p, k: "skills" as const }))),
  ];
  for (const { p, k } of parts) {
    for (const source of await loadFolder(p, "plugin", k, options)) {
      for (const agent of source.set.agents) agent.name = pluginName(plugin.name, agent, k);
      for (const agent of source.set.agents) agent.plugin = plugin.name;
      out.push({ ...source, plugin: plugin.name, displayRoot });
    }
  }
  return out;
}

/**
 * `plugin:name`; an agent in a subfolder of the plugin's agents folder takes the folder too
 * (`entire-engineering:review:security-sentinel`, as real transcripts show).
 */
function pluginName(plugin: string, agent: AgentSpec, kind: "agents" | "skills"): string {
  const folders = kind === "agents" ? agent.file.split("/").slice(0, -1) : [];
  return [plugin, ...folders, agent.name].join(":");
}

/** Loads one folder or file if it exists; nothing when it does not (scopes are optional). */
async function loadFolder(dir: string, scope: AgentScope, kind: LoadKind | null, options: DiscoverOptions): Promise<LoadedSource[]> {
  const info = kind === null ? undefined : await stat(dir).catch(() => undefined);
  if (info === undefined || kind === null) return [];
  const set = info.isFile() ? await loadAgentFile(dir, { limits: options.limits }) : await loadAgents(dir, { limits: options.limits, kind });
  for (const agent of set.agents) agent.scope = scope;
  return [{ scope, set }];
}

function finish(set: AgentSet, notes: readonly Diagnostic[]): AgentSet {
  if (notes.length === 0) return set;
  const hash = createHash("sha256").update(set.hash);
  for (const n of notes) hash.update(`${n.file}\n${n.code}\n${n.message}\n`);
  return { ...set, diagnostics: sortDiagnostics([...set.diagnostics, ...notes]), hash: hash.digest("hex") };
}

/** "all" narrowed to a folder that holds one kind; null when `--kind` asks for the other. */
function narrow(kind: LoadKind, folder: "agents" | "skills"): LoadKind | null {
  return kind === "all" || kind === folder ? folder : null;
}

const isFolder = async (dir: string) => (await stat(dir).catch(() => null))?.isDirectory() === true;
const isFile = async (file: string) => (await stat(file).catch(() => null))?.isFile() === true;
