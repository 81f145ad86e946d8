import { createHash } from "node:crypto";
import path from "node:path";
import { claudeConfigDir, discoverAgents } from "../agents/discover/discover.js";
import type { AgentSet } from "../agents/types.js";
import { normalizeAgentName } from "../agents/names.js";

export { claudeConfigDir };

/**
 * The agent folders Claude Code reads for a session in `cwd`, highest priority first:
 * the project's `.claude/agents`, then the user's (a quick "is there anything to route to"
 * check, and part of the hook server's key; plugins are found by `loadHookAgents`).
 *
 * @example
 * hookAgentDirs("/repo", { HOME: "/home/me" }) // ["/repo/.claude/agents", "/home/me/.claude/agents"]
 */
export function hookAgentDirs(cwd: string, env: NodeJS.ProcessEnv): string[] {
  return [path.join(path.resolve(cwd), ".claude", "agents"), path.join(claudeConfigDir(env), "agents")];
}

/**
 * The agents a session in `projectDir` can dispatch, found by the one discovery every command
 * uses (project, user and plugin agents; the project wins a clash). Null when there is no
 * agent folder at all.
 *
 * @example
 * const set = await loadHookAgents("/repo", process.env);
 */
export async function loadHookAgents(projectDir: string, env: NodeJS.ProcessEnv): Promise<AgentSet | null> {
  const set = await discoverAgents({ cwd: projectDir, env, scope: "all", kind: "agents" });
  return set.sources !== undefined && set.sources.length === 0 ? null : set;
}

/**
 * Merges agent sets, earlier sets winning on a name clash; agents stay sorted by name and
 * the hash covers every input set, so a change in either folder invalidates caches.
 *
 * @example
 * mergeAgentSets([project, user]).agents.map((a) => a.name) // project's reviewer, user's others
 */
export function mergeAgentSets(sets: readonly AgentSet[]): AgentSet {
  if (sets.length === 1) return sets[0]!;
  const byName = new Map<string, AgentSet["agents"][number]>();
  for (const set of sets) {
    for (const agent of set.agents) {
      const key = normalizeAgentName(agent.name);
      if (!byName.has(key)) byName.set(key, agent);
    }
  }
  const agents = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash("sha256");
  for (const set of sets) hash.update(`${set.root}\n${set.hash}\n`);
  return { root: sets[0]!.root, agents, diagnostics: sets.flatMap((s) => s.diagnostics), hash: hash.digest("hex") };
}
