import os from "node:os";
import path from "node:path";

/** Claude Code's user config folder: `$CLAUDE_CONFIG_DIR`, else `~/.claude` (HOME from env). */
export function claudeConfigDir(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_CONFIG_DIR?.trim() || path.join(env.HOME || os.homedir(), ".claude");
}

/**
 * The agent folders Claude Code reads for a session in `cwd`, highest priority first:
 * the project's `.claude/agents`, then the user's. Kept apart from the agent loader so the
 * hook's fast path (which only asks the server) never loads the parser.
 *
 * @example
 * hookAgentDirs("/repo", { HOME: "/home/me" }) // ["/repo/.claude/agents", "/home/me/.claude/agents"]
 */
export function hookAgentDirs(cwd: string, env: NodeJS.ProcessEnv): string[] {
  return [path.join(path.resolve(cwd), ".claude", "agents"), path.join(claudeConfigDir(env), "agents")];
}
