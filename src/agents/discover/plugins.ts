import { stat } from "node:fs/promises";
import path from "node:path";
import { makeDiagnostic } from "../diagnostic.js";
import { decodeAgentBytes } from "../load/decode.js";
import { readAgentBytes } from "../load/load.js";
import type { Diagnostic } from "../types.js";
import type { PluginSwitch } from "./enabled.js";

/**
 * One plugin on disk: its name (the `plugin:` in `plugin:agent`), its root, and the folders
 * or files its agents and skills come from after `plugin.json` and the marketplace entry
 * had their say.
 */
export interface PluginSource {
  name: string;
  root: string;
  /** Folders of agent `.md` files, or single files. */
  agents: string[];
  /** Folders holding `<skill>/SKILL.md`, or single skill folders. */
  skills: string[];
}

/** The component path fields Claude Code reads (plugin.json, and a marketplace entry). */
interface ComponentPaths {
  name?: string;
  agents?: string[];
  skills?: string[];
}

/**
 * Manifests are small JSON files; a plugin.json over 1 MiB is not one. Read through the same
 * bounded reader agent files use (size checked before reading, BOM stripped).
 */
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MANIFEST_DIR = ".claude-plugin";

/**
 * Reads a plugin folder: `.claude-plugin/plugin.json` when present (its `name`, and `agents`
 * / `skills` paths, each a string or a list, relative to the plugin root), else the folder's
 * name. A declared path replaces the default folder (`agents/`, `skills/`), as Claude Code's
 * plugins reference says of `skills` ("replaces default skills/"); `entry` (a marketplace
 * entry) overrides plugin.json field by field. Paths that leave the plugin root are refused.
 *
 * @example
 * await readPlugin("/m/plugins/backend-development", {}, "/m")
 * // { plugin: { name: "backend-development", agents: ["/m/plugins/backend-development/agents"], … } }
 */
export async function readPlugin(
  root: string,
  entry: ComponentPaths,
  displayRoot: string,
): Promise<{ plugin: PluginSource; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const manifestFile = path.join(root, MANIFEST_DIR, "plugin.json");
  const manifest = (await exists(manifestFile))
    ? componentPaths(await readManifest(manifestFile, displayRoot, diagnostics), rel(displayRoot, manifestFile), diagnostics)
    : {};
  const merged: ComponentPaths = { ...manifest, ...definedOnly(entry) };
  const name = merged.name ?? path.basename(root);
  const inside = (list: string[] | undefined, fallback: string) =>
    (list ?? [fallback]).flatMap((p) => insideRoot(root, p, name, displayRoot, diagnostics));
  return { plugin: { name, root, agents: inside(merged.agents, "agents"), skills: inside(merged.skills, "skills") }, diagnostics };
}

/**
 * Reads a marketplace (`.claude-plugin/marketplace.json`): each `plugins[]` entry whose
 * `source` is a relative path (resolved from the marketplace root, after
 * `metadata.pluginRoot` when set) becomes a plugin, read with `readPlugin`. Entries fetched
 * from elsewhere (a git, GitHub or URL source object) and entries whose folder is not here
 * are summed up in one note each, not read.
 *
 * @example
 * const { plugins } = await readMarketplace("shared/plugin-marketplace/wshobson-agents", cwd);
 * plugins.map((p) => p.name) // ["agent-teams", "backend-development", "cicd-automation", "incident-response"]
 */
export async function readMarketplace(
  root: string,
  displayRoot: string,
): Promise<{ plugins: PluginSource[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const file = path.join(root, MANIFEST_DIR, "marketplace.json");
  const data = await readManifest(file, displayRoot, diagnostics);
  const shown = rel(displayRoot, file);
  const entries = Array.isArray(data?.plugins) ? (data.plugins as unknown[]) : [];
  if (data !== null && !Array.isArray(data.plugins))
    diagnostics.push(makeDiagnostic(shown, 1, "error", "invalid-manifest", "marketplace.json has no `plugins` list", "Add `\"plugins\": [{ \"name\": …, \"source\": \"./plugins/…\" }]`."));
  const base = path.resolve(root, textOf(isRecord(data?.metadata) ? data.metadata.pluginRoot : undefined) ?? ".");
  const plugins: PluginSource[] = [];
  const remote: string[] = [];
  const missing: string[] = [];
  for (const raw of entries) {
    if (!isRecord(raw)) continue;
    const paths = componentPaths(raw, shown, diagnostics);
    const source = textOf(raw.source);
    if (source === undefined) {
      remote.push(paths.name ?? "?");
      continue;
    }
    const pluginRoot = path.resolve(base, source);
    if (!isInside(root, pluginRoot) || !(await isFolder(pluginRoot))) {
      missing.push(paths.name ?? source);
      continue;
    }
    const read = await readPlugin(pluginRoot, paths, displayRoot);
    plugins.push(read.plugin);
    diagnostics.push(...read.diagnostics);
  }
  if (remote.length > 0) diagnostics.push(note(shown, `${remote.length} plugin(s) come from another repository (${remote.slice(0, 3).join(", ")}); not read`, "Install them with Claude Code, then read them with --scope plugins."));
  if (missing.length > 0) diagnostics.push(note(shown, `${missing.length} of ${entries.length} plugins have no folder here (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}); not read`, "Nothing to do if the marketplace was copied in part."));
  return { plugins, diagnostics };
}

/**
 * The plugins Claude Code has installed for the user: `<config>/plugins/installed_plugins.json`,
 * version 2 (`plugins["name@marketplace"]` is a list of installs, each with `installPath`) or
 * version 1 (one install object). A missing file means no plugins. A plugin its settings turn
 * off (`switches`, from `enabledPlugins`) is left out with an info note naming the file; one no
 * settings file names stays on (installs recorded before `enabledPlugins` existed).
 *
 * @example
 * await readInstalledPlugins("/home/me/.claude", "/repo") // { plugins: [{ name: "superpowers", … }], … }
 */
export async function readInstalledPlugins(
  configDir: string,
  displayRoot: string,
  switches: ReadonlyMap<string, PluginSwitch> = new Map(),
): Promise<{ plugins: PluginSource[]; diagnostics: Diagnostic[] }> {
  const file = path.join(configDir, "plugins", "installed_plugins.json");
  const diagnostics: Diagnostic[] = [];
  if (!(await exists(file))) return { plugins: [], diagnostics };
  const data = await readManifest(file, displayRoot, diagnostics);
  const plugins: PluginSource[] = [];
  const table = isRecord(data?.plugins) ? data.plugins : {};
  for (const key of Object.keys(table).sort()) {
    const off = switches.get(key);
    if (off?.on === false) {
      diagnostics.push(note(off.file, `plugin ${key} is turned off here (enabledPlugins); its agents and skills are not offered`, `Set "enabledPlugins": { "${key}": true } (or /plugin enable) to offer them.`, "plugin-disabled"));
      continue;
    }
    const installs = [table[key]].flat().filter(isRecord);
    const installPath = installs.map((i) => textOf(i.installPath)).find((p) => p !== undefined);
    if (installPath === undefined || !(await isFolder(installPath))) continue;
    const read = await readPlugin(installPath, { name: key.split("@")[0] }, displayRoot);
    plugins.push(read.plugin);
    diagnostics.push(...read.diagnostics);
  }
  return { plugins, diagnostics };
}

/** Reads a JSON object; a missing, unreadable or invalid file is a diagnostic and null. */
export async function readManifest(file: string, displayRoot: string, diagnostics: Diagnostic[]): Promise<Record<string, unknown> | null> {
  const shown = rel(displayRoot, file);
  const read = await readAgentBytes(shown, file, MAX_MANIFEST_BYTES);
  const decoded = read.diagnostic ? { diagnostic: read.diagnostic } : decodeAgentBytes(read.bytes, shown, MAX_MANIFEST_BYTES);
  if (decoded.diagnostic) {
    diagnostics.push(decoded.diagnostic);
    return null;
  }
  try {
    const value: unknown = JSON.parse(decoded.text);
    if (isRecord(value)) return value;
  } catch (err) {
    diagnostics.push(makeDiagnostic(shown, 1, "error", "invalid-manifest", `not valid JSON (${(err as Error).message})`, "Fix the JSON; `claude plugin validate` points at the error."));
    return null;
  }
  diagnostics.push(makeDiagnostic(shown, 1, "error", "invalid-manifest", "expected a JSON object", "A manifest is one object: `{ \"name\": … }`."));
  return null;
}

/** `name`, `agents` and `skills` of a manifest object (each path field a string or a list). */
function componentPaths(data: Record<string, unknown> | null, shown: string, diagnostics: Diagnostic[]): ComponentPaths {
  if (data === null) return {};
  const out: ComponentPaths = {};
  const name = textOf(data.name);
  if (name !== undefined) out.name = name;
  for (const key of ["agents", "skills"] as const) {
    const value = data[key];
    if (value === undefined) continue;
    const list = [value].flat();
    if (list.every((v) => typeof v === "string")) out[key] = list as string[];
    else diagnostics.push(makeDiagnostic(shown, 1, "warning", "invalid-manifest", `\`${key}\` must be a path or a list of paths; ignored`, `Write e.g. "${key}": "./${key}/".`));
  }
  return out;
}

/** A declared path inside the plugin root, or a diagnostic (Claude Code refuses `../` escapes too). */
function insideRoot(root: string, given: string, plugin: string, displayRoot: string, diagnostics: Diagnostic[]): string[] {
  const full = path.resolve(root, given);
  if (isInside(root, full)) return [full];
  diagnostics.push(makeDiagnostic(rel(displayRoot, path.join(root, MANIFEST_DIR)), 1, "error", "path-outside-plugin", `plugin "${plugin}" points at ${given}, outside the plugin folder; not read`, "Keep component paths inside the plugin (they start with ./)."));
  return [];
}

function note(file: string, message: string, hint: string, code: "plugins-not-read" | "plugin-disabled" = "plugins-not-read"): Diagnostic {
  return makeDiagnostic(file, 1, "info", code, message, hint);
}

function isInside(root: string, full: string): boolean {
  const relative = path.relative(root, full);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function definedOnly(entry: ComponentPaths): ComponentPaths {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as ComponentPaths;
}

function rel(displayRoot: string, file: string): string {
  const relative = path.relative(displayRoot, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const exists = async (file: string) => (await stat(file).catch(() => null)) !== null;
const isFolder = async (dir: string) => (await stat(dir).catch(() => null))?.isDirectory() === true;

export { MANIFEST_DIR };
