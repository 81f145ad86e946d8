import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { AgentRouteError } from "../errors.js";

/** Seconds Claude Code lets the hook run before cancelling it (it answers in well under one). */
const HOOK_TIMEOUT_SECONDS = 10;

type Json = Record<string, unknown>;

export interface SettingsChange {
  file: string;
  /** "installed", "already-installed", "removed", "not-installed". */
  outcome: "installed" | "already-installed" | "removed" | "not-installed";
  /** Backup written before the change, or null when nothing was written. */
  backup: string | null;
}

/**
 * The command line the hook entry runs: absolute node and CLI paths, shell-quoted when needed.
 *
 * @example
 * hookCommand("/usr/bin/node", "/opt/agentroute/dist/src/cli/main.js", ["--no-embeddings"])
 * // "/usr/bin/node /opt/agentroute/dist/src/cli/main.js hook --no-embeddings"
 */
export function hookCommand(nodePath: string, cliPath: string, args: readonly string[] = []): string {
  return [shellQuote(nodePath), shellQuote(cliPath), "hook", ...args.map(shellQuote)].join(" ");
}

/**
 * Adds the UserPromptSubmit hook entry to a settings.json, keeping everything else, after a
 * backup `settings.json.bak-<timestamp>`. Idempotent: an entry already there is left alone.
 * A malformed file is an error and is not touched.
 *
 * @example
 * await installHook(".claude/settings.json", hookCommand(process.execPath, cliPath), new Date())
 * // { outcome: "installed", backup: ".claude/settings.json.bak-20251125T130400000Z" }
 */
export async function installHook(file: string, command: string, now: Date): Promise<SettingsChange> {
  const { settings, text } = await readSettings(file);
  const groups = promptSubmitGroups(settings, file);
  if (groups.some((group) => hookEntries(group).some((entry) => isOurEntry(entry, command)))) {
    return { file, outcome: "already-installed", backup: null };
  }
  const hooks = (settings.hooks ??= {}) as Json;
  hooks.UserPromptSubmit = [...groups, { hooks: [{ type: "command", command, timeout: HOOK_TIMEOUT_SECONDS }] }];
  const backup = await writeSettings(file, settings, text, now);
  return { file, outcome: "installed", backup };
}

/**
 * Removes exactly the entries `installHook` adds (see `isOurEntry`), and the containers left
 * empty by that removal; nothing else.
 *
 * @example
 * await uninstallHook(".claude/settings.json", command, new Date()) // { outcome: "removed", … }
 */
export async function uninstallHook(file: string, command: string, now: Date): Promise<SettingsChange> {
  const { settings, text } = await readSettings(file);
  if (text === null) return { file, outcome: "not-installed", backup: null };
  const groups = promptSubmitGroups(settings, file);
  let removed = false;
  const kept: unknown[] = [];
  for (const group of groups) {
    const entries = hookEntries(group);
    const rest = entries.filter((entry) => !isOurEntry(entry, command));
    if (rest.length === entries.length) kept.push(group);
    else {
      removed = true;
      if (rest.length > 0) kept.push({ ...(group as Json), hooks: rest });
    }
  }
  if (!removed) return { file, outcome: "not-installed", backup: null };
  const hooks = settings.hooks as Json;
  if (kept.length > 0) hooks.UserPromptSubmit = kept;
  else delete hooks.UserPromptSubmit;
  if (Object.keys(hooks).length === 0) delete settings.hooks;
  const backup = await writeSettings(file, settings, text, now);
  return { file, outcome: "removed", backup };
}

/**
 * An entry this tool added: it runs `hook` (with any flags) through this CLI, or through any
 * CLI whose path names agentroute (an install from another checkout or version).
 */
function isOurEntry(entry: unknown, command: string): boolean {
  if (typeof entry !== "object" || entry === null) return false;
  const value = (entry as Json).command;
  if (typeof value !== "string") return false;
  if (value === command) return true;
  const cli = command.slice(0, command.indexOf(" hook"));
  return /\shook(\s|$)/.test(value) && (value.includes("agentroute") || value.startsWith(`${cli} `));
}

function hookEntries(group: unknown): unknown[] {
  const entries = typeof group === "object" && group !== null ? (group as Json).hooks : undefined;
  return Array.isArray(entries) ? entries : [];
}

function promptSubmitGroups(settings: Json, file: string): unknown[] {
  const hooks = settings.hooks;
  if (hooks === undefined) return [];
  if (typeof hooks !== "object" || hooks === null || Array.isArray(hooks))
    throw settingsError(file, '"hooks" is not an object');
  const groups = (hooks as Json).UserPromptSubmit;
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw settingsError(file, '"hooks.UserPromptSubmit" is not an array');
  return groups;
}

async function readSettings(file: string): Promise<{ settings: Json; text: string | null }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { settings: {}, text: null };
    throw new AgentRouteError("IO", `${file}: cannot read (${(err as Error).message})`, {
      hint: "Check the file's permissions.",
      file,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw settingsError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw settingsError(file, "not a JSON object");
  return { settings: value as Json, text };
}

/** Writes the settings in the file's own indentation and final newline, after a backup. */
async function writeSettings(file: string, settings: Json, original: string | null, now: Date): Promise<string | null> {
  let backup: string | null = null;
  if (original !== null) {
    backup = `${file}.bak-${now.toISOString().replace(/[-:.]/g, "")}`;
    await copyFile(file, backup);
  } else {
    await mkdir(path.dirname(file), { recursive: true });
  }
  const indent = original === null ? "  " : (/^[ \t]+(?=")/m.exec(original)?.[0] ?? "  ");
  const newline = original === null || original.endsWith("\n") ? "\n" : "";
  await writeFile(file, JSON.stringify(settings, null, indent) + newline);
  return backup;
}

function settingsError(file: string, what: string): AgentRouteError {
  return new AgentRouteError("CONFIG_INVALID", `${file}: ${what}; left untouched`, {
    hint: "Fix the settings file by hand (Claude Code reads it as a JSON object), then run the command again.",
    file,
  });
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
