import { existsSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Picks the agents folder a command should read: the one given, else `.claude/agents` in
 * `cwd` when it exists, else `agents/`. Returns an absolute path; existence of a given
 * folder is checked later by `loadAgents`, which says what is missing.
 *
 * @example
 * resolveAgentsDir("/repo")              // "/repo/.claude/agents" if it exists, else "/repo/agents"
 * resolveAgentsDir("/repo", "my-agents") // "/repo/my-agents"
 */
export function resolveAgentsDir(cwd: string, given?: string): string {
  if (given !== undefined && given !== "") return path.resolve(cwd, given);
  const claude = path.join(cwd, ".claude", "agents");
  if (existsSync(claude) && statSync(claude).isDirectory()) return claude;
  return path.join(cwd, "agents");
}
