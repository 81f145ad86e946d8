import { createHash } from "node:crypto";
import { discoverAgents } from "../agents/discover/discover.js";
import type { AgentSet } from "../agents/types.js";
import { makeDiagnostic } from "../agents/diagnostic.js";
import { normalizeAgentName } from "../agents/names.js";

export { claudeConfigDir, hookAgentDirs } from "./dirs.js";

/**
 * The agents and skills a session in `projectDir` can use, found by the one discovery every
 * command uses (project, user and enabled plugins' agents and skills; the project wins a
 * clash). Null when there is no agent or skill folder at all.
 *
 * @example
 * const set = await loadHookAgents("/repo", process.env);
 */
export async function loadHookAgents(projectDir: string, env: NodeJS.ProcessEnv): Promise<AgentSet | null> {
  const set = await discoverAgents({ cwd: projectDir, env, scope: "all", kind: "all" });
  return set.sources !== undefined && set.sources.length === 0 ? null : onlyLoadableNames(set);
}

/**
 * A name Claude Code can start as a subagent: letters, digits, `-` and `_`, no spaces, dots or
 * slashes; a plugin's agents are namespaced `plugin:name` (up to three parts).
 */
const LOADABLE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}(?::[A-Za-z0-9][A-Za-z0-9_-]{0,127}){0,2}$/;

/**
 * The set without agents whose names Claude Code could not load (`my agent`, `../x`): the
 * hook must never suggest one. Each left out is a diagnostic, so it reaches the hook log.
 *
 * @example
 * onlyLoadableNames(set).agents.some((a) => a.name.includes(" ")) // false
 */
export function onlyLoadableNames(set: AgentSet): AgentSet {
  const bad = set.agents.filter((a) => !LOADABLE_NAME.test(a.name));
  if (bad.length === 0) return set;
  return {
    ...set,
    agents: set.agents.filter((a) => LOADABLE_NAME.test(a.name)),
    diagnostics: [
      ...set.diagnostics,
      ...bad.map((a) =>
        makeDiagnostic(
          a.file,
          1,
          "warning",
          "unloadable-name",
          `agent name ${JSON.stringify(a.name)} cannot be started by Claude Code; the hook leaves it out`,
          "Use letters, digits and hyphens in the name.",
        ),
      ),
    ],
  };
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
