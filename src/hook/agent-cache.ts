import { stat } from "node:fs/promises";
import path from "node:path";
import { AGENT_LIMITS } from "../agents/limits.js";
import { findAgentFiles } from "../agents/load/walk.js";
import type { AgentSet } from "../agents/types.js";
import { claudeConfigDir, hookAgentDirs, hookSettingsFiles } from "./dirs.js";
import { loadHookAgents } from "./agents.js";

/** Projects remembered at once (one per project the server answers for). */
const MAX_ENTRIES = 16;

/**
 * `loadHookAgents` for a long-running hook server: the folders discovery read last time (and
 * the project's and user's agent and skill folders, the installed-plugins list and the settings
 * files) are walked and every agent or skill file stat-ed on each call (size, modification and change times), and the set is
 * discovered again only when that fingerprint changed. An edit, a new file or a deleted one is
 * seen at the next prompt, without re-parsing an unchanged set for every prompt.
 *
 * @example
 * const load = createHookAgentCache();
 * await load("/repo", process.env); // discovered and parsed
 * await load("/repo", process.env); // same AgentSet, not parsed again
 */
export function createHookAgentCache(): (projectDir: string, env: NodeJS.ProcessEnv) => Promise<AgentSet | null> {
  const cache = new Map<string, { stamp: string; set: AgentSet | null }>();
  return async (projectDir, env) => {
    const key = `${projectDir}\0${claudeConfigDir(env)}`;
    const hit = cache.get(key);
    const stamp = await fingerprint(projectDir, watchedDirs(projectDir, env, hit?.set ?? null), env);
    if (hit?.stamp === stamp) return hit.set;
    const set = await loadHookAgents(projectDir, env);
    cache.delete(key);
    // Stamped over the folders this set came from, so a plugin's edit is seen too.
    cache.set(key, { stamp: await fingerprint(projectDir, watchedDirs(projectDir, env, set), env), set });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return set;
  };
}

function watchedDirs(projectDir: string, env: NodeJS.ProcessEnv, set: AgentSet | null): string[] {
  const dirs = hookAgentDirs(projectDir, env);
  for (const source of set?.sources ?? []) if (!dirs.includes(source.path)) dirs.push(source.path);
  return dirs;
}

async function fingerprint(projectDir: string, dirs: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const parts: string[] = [];
  // The installed-plugins list, and the settings whose enabledPlugins turn plugins on and off.
  for (const file of [
    path.join(claudeConfigDir(env), "plugins", "installed_plugins.json"),
    ...hookSettingsFiles(projectDir, env),
  ]) {
    const info = await stat(file).catch(() => null);
    parts.push(`${file}\0${info?.size}\0${info?.mtimeMs}\0${info?.ctimeMs}`);
  }
  for (const dir of dirs) {
    if (!(await stat(dir).catch(() => null))?.isDirectory()) {
      parts.push(`${dir}\0absent`);
      continue;
    }
    const { files, diagnostics } = await findAgentFiles(dir, AGENT_LIMITS);
    parts.push(`${dir}\0${diagnostics.length}`);
    for (const file of files) {
      const info = await stat(file.path).catch(() => null);
      parts.push(`${file.path}\0${info?.size}\0${info?.mtimeMs}\0${info?.ctimeMs}`);
    }
  }
  return parts.join("\n");
}
