import { lstat, rm } from "node:fs/promises";
import { AgentRouteError, isAgentRouteError } from "../errors.js";
import { readRegularFile } from "../util/safe-read.js";
import { checkWritableDestination, writeFileSafely } from "../util/safe-write.js";
import { HOOK_MARKER } from "./command.js";

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
  if (groups.some((group) => hookEntries(group).some((entry) => (entry as Json | null)?.command === command))) {
    return { file, outcome: "already-installed", backup: null };
  }
  const hooks = (settings.hooks ??= {}) as Json;
  // An earlier install with other flags is replaced, so one prompt never runs the hook twice.
  const others = withoutOurEntries(groups).kept;
  hooks.UserPromptSubmit = [...others, { hooks: [{ type: "command", command, timeout: HOOK_TIMEOUT_SECONDS }] }];
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
  const { kept, removed } = withoutOurEntries(promptSubmitGroups(settings, file), command);
  if (!removed) return { file, outcome: "not-installed", backup: null };
  const hooks = settings.hooks as Json;
  if (kept.length > 0) hooks.UserPromptSubmit = kept;
  else delete hooks.UserPromptSubmit;
  if (Object.keys(hooks).length === 0) delete settings.hooks;
  const backup = await writeSettings(file, settings, text, now);
  return { file, outcome: "removed", backup };
}

/**
 * The commands of our entries in a settings.json (see `isOurEntry`), for `hook status`; none
 * when the file does not exist.
 */
export async function installedHookCommands(file: string): Promise<string[]> {
  const { settings } = await readSettings(file);
  return promptSubmitGroups(settings, file)
    .flatMap(hookEntries)
    .filter((entry) => isOurEntry(entry))
    .map((entry) => String((entry as Json).command));
}

/** The groups with our entries taken out (a group left empty goes too). */
function withoutOurEntries(groups: readonly unknown[], command?: string): { kept: unknown[]; removed: boolean } {
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
  return { kept, removed };
}

/**
 * What installs before the marker wrote: node, then an agentroute checkout's
 * `dist/src/cli/main.js`, then `hook` and flags, and nothing more.
 */
const LEGACY_COMMAND =
  /^('[^']*'|\S+) ('[^']*agentroute[^']*\/dist\/src\/cli\/main\.js'|\S*agentroute\S*\/dist\/src\/cli\/main\.js) hook( --[a-z-]+)*$/;

/**
 * An entry this tool added: the exact command, a command ending with `HOOK_MARKER` (an
 * install from another checkout, version or with other flags), or one in the exact shape
 * installs wrote before the marker. Nothing else: a user's `~/bin/agentroute-audit.sh hook
 * --log` is theirs.
 */
function isOurEntry(entry: unknown, command?: string): boolean {
  if (typeof entry !== "object" || entry === null) return false;
  const value = (entry as Json).command;
  if (typeof value !== "string") return false;
  return value === command || value.trimEnd().endsWith(HOOK_MARKER) || LEGACY_COMMAND.test(value);
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

/** Largest settings.json read; Claude Code's own are a few kilobytes. */
const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

async function readSettings(file: string): Promise<{ settings: Json; text: string | null }> {
  // Refused before reading: a symlinked settings.json would have us edit (and back up) another file.
  if ((await lstat(file).catch(() => null))?.isSymbolicLink())
    await checkWritableDestination(file, { what: "settings file" });
  let text: string;
  try {
    text = (
      await readRegularFile(file, MAX_SETTINGS_BYTES, { what: "settings file", hint: "Check the file's permissions." })
    ).toString("utf8");
  } catch (err) {
    if (isAgentRouteError(err) && err.code === "NOT_FOUND") return { settings: {}, text: null };
    throw err;
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
/**
 * Writes the settings in the file's own indentation and final newline, after a backup of the
 * text read (never a copy of whatever a link points at). Both writes are atomic (temporary
 * file, rename): a full disk leaves the old settings whole. A read-only or symlinked file is
 * refused before anything is written, so no stray backup is left.
 */
async function writeSettings(file: string, settings: Json, original: string | null, now: Date): Promise<string | null> {
  const what = { what: "settings file" };
  await checkWritableDestination(file, what);
  let backup: string | null = null;
  if (original !== null) {
    backup = `${file}.bak-${now.toISOString().replace(/[-:.]/g, "")}`;
    await writeFileSafely(backup, original, { what: "settings backup" }, { mode: 0o600 });
  }
  const indent = original === null ? "  " : (/^[ \t]+(?=")/m.exec(original)?.[0] ?? "  ");
  const newline = original === null || original.endsWith("\n") ? "\n" : "";
  try {
    await writeFileSafely(file, JSON.stringify(settings, null, indent) + newline, what);
  } catch (err) {
    if (backup !== null) await rm(backup, { force: true });
    throw err;
  }
  return backup;
}

function settingsError(file: string, what: string): AgentRouteError {
  return new AgentRouteError("CONFIG_INVALID", `${file}: ${what}; left untouched`, {
    hint: "Fix the settings file by hand (Claude Code reads it as a JSON object), then run the command again.",
    file,
  });
}
