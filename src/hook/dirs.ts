import path from "node:path";
import { claudeConfigDir } from "./client.cjs";

export { claudeConfigDir };

/**
 * The agent and skill folders Claude Code reads for a session in `cwd`, highest priority
 * first: the project's `.claude/agents` and `.claude/skills`, then the user's. Kept apart from
 * the agent loader so the hook's own process never loads the parser.
 *
 * @example
 * hookAgentDirs("/repo", { HOME: "/home/me" })
 * // ["/repo/.claude/agents", "/repo/.claude/skills", "/home/me/.claude/agents", "/home/me/.claude/skills"]
 */
export function hookAgentDirs(cwd: string, env: NodeJS.ProcessEnv): string[] {
  const project = path.join(path.resolve(cwd), ".claude");
  const user = claudeConfigDir(env);
  return [project, user].flatMap((root) => [path.join(root, "agents"), path.join(root, "skills")]);
}

/**
 * The settings files whose `enabledPlugins` decide which installed plugins are active (user,
 * project, local): the hook server re-reads its agents when one of them changes.
 */
export function hookSettingsFiles(cwd: string, env: NodeJS.ProcessEnv): string[] {
  const project = path.join(path.resolve(cwd), ".claude");
  return [
    path.join(claudeConfigDir(env), "settings.json"),
    path.join(project, "settings.json"),
    path.join(project, "settings.local.json"),
  ];
}
