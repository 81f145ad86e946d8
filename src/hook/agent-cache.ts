import { stat } from "node:fs/promises";
import { AGENT_LIMITS } from "../agents/limits.js";
import { findAgentFiles } from "../agents/load/walk.js";
import type { AgentSet } from "../agents/types.js";
import { loadHookAgents } from "./agents.js";

/** Agent-folder lists remembered at once (one per project the server answers for). */
const MAX_ENTRIES = 16;

/**
 * `loadHookAgents` for a long-running hook server: the folders are walked and every agent
 * file stat-ed on each call (size, modification and change times), and parsed again only
 * when that fingerprint changed. An edit, a new file or a deleted one is seen at the next
 * prompt, as before, without re-parsing an unchanged set for every prompt.
 *
 * @example
 * const load = createHookAgentCache();
 * await load(["/repo/.claude/agents", "/home/me/.claude/agents"]); // parsed
 * await load(["/repo/.claude/agents", "/home/me/.claude/agents"]); // same AgentSet, not parsed again
 */
export function createHookAgentCache(): (dirs: readonly string[]) => Promise<AgentSet | null> {
  const cache = new Map<string, { stamp: string; set: AgentSet | null }>();
  return async (dirs) => {
    const key = dirs.join("\0");
    const stamp = await fingerprint(dirs);
    const hit = cache.get(key);
    if (hit?.stamp === stamp) return hit.set;
    const set = await loadHookAgents(dirs);
    cache.delete(key);
    cache.set(key, { stamp, set });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return set;
  };
}

async function fingerprint(dirs: readonly string[]): Promise<string> {
  const parts: string[] = [];
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
