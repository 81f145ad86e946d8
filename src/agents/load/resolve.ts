import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { AgentRouteError } from "../../errors.js";

/** Where every command looks when no folder is given, in order. */
export const DEFAULT_AGENTS_DIRS = [path.join(".claude", "agents"), "agents"] as const;

/**
 * The agents folder a command reads, the same for every command and library entry point:
 * the one given (resolved against `cwd`; `loadAgents` says if it is missing), else
 * `.claude/agents` in `cwd` when it exists, else `agents/`; NOT_FOUND when neither exists.
 *
 * @example
 * resolveAgentsDir("/repo")              // "/repo/.claude/agents" if it exists, else "/repo/agents"
 * resolveAgentsDir("/repo", "my-agents") // "/repo/my-agents"
 */
export function resolveAgentsDir(cwd: string, given?: string): string {
  if (given !== undefined && given !== "") return path.resolve(cwd, given);
  for (const candidate of DEFAULT_AGENTS_DIRS) {
    const dir = path.join(cwd, candidate);
    if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  }
  throw new AgentRouteError("NOT_FOUND", `no agents folder: neither .claude/agents nor agents/ exists in ${cwd}`, {
    hint: "Run from your project's root, or name the folder: --agents DIR (lint takes it as DIR).",
    file: cwd,
  });
}
