import { stat } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../types.js";
import { readManifest } from "./plugins.js";

/** One plugin's switch: on or off, and the settings file that decided it. */
export interface PluginSwitch {
  on: boolean;
  file: string;
}

/**
 * Claude Code's `enabledPlugins` (`{ "plugin@marketplace": true | false }`) merged as its
 * settings are: the user's `~/.claude/settings.json`, then the project's
 * `.claude/settings.json`, then `.claude/settings.local.json`, each later file winning for the
 * ids it names. Managed (enterprise) settings are not read. A settings file that is not JSON
 * is a diagnostic, and its switches are not used.
 *
 * @example
 * await readEnabledPlugins("/repo", "/home/me/.claude", "/repo")
 * // { switches: Map { "superpowers@obra" => { on: false, file: ".claude/settings.local.json" } }, diagnostics: [] }
 */
export async function readEnabledPlugins(
  cwd: string,
  configDir: string,
  displayRoot: string,
): Promise<{ switches: Map<string, PluginSwitch>; diagnostics: Diagnostic[] }> {
  const switches = new Map<string, PluginSwitch>();
  const diagnostics: Diagnostic[] = [];
  const files = [
    path.join(configDir, "settings.json"),
    path.join(cwd, ".claude", "settings.json"),
    path.join(cwd, ".claude", "settings.local.json"),
  ];
  for (const file of files) {
    if (!(await stat(file).catch(() => null))?.isFile()) continue;
    const settings = await readManifest(file, displayRoot, diagnostics);
    const table = settings?.enabledPlugins;
    if (typeof table !== "object" || table === null || Array.isArray(table)) continue;
    const shown = path.relative(displayRoot, file).startsWith("..") ? file : path.relative(displayRoot, file);
    for (const [id, value] of Object.entries(table as Record<string, unknown>)) {
      if (typeof value === "boolean") switches.set(id, { on: value, file: shown.split(path.sep).join("/") });
    }
  }
  return { switches, diagnostics };
}
