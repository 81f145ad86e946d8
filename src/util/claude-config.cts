import os from "node:os";
import path from "node:path";

/**
 * Claude Code's user config folder: `$CLAUDE_CONFIG_DIR`, else `~/.claude` (HOME from env).
 * CommonJS so that the hook's client entry can use it without the ES module loader.
 *
 * @example
 * claudeConfigDir({ HOME: "/home/me" }) // "/home/me/.claude"
 */
export function claudeConfigDir(env: NodeJS.ProcessEnv): string {
  return env.CLAUDE_CONFIG_DIR?.trim() || path.join(env.HOME || os.homedir(), ".claude");
}
