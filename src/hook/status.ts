import path from "node:path";
import { isAgentRouteError } from "../errors.js";
import { claudeConfigDir } from "./client.cjs";
import { findOnPath, hookCommandForm } from "./command.js";
import { installedHookCommands } from "./settings.js";

/**
 * `hook status`'s lines on the installed hook: in which settings files it is, in which form
 * (the shell form asks the server with curl and falls back to Node; the Node form always
 * starts Node), and whether curl is on PATH, since without it the shell form runs Node.
 *
 * @example
 * await describeInstalledHook("/repo", process.env)
 * // ["installed: .claude/settings.json (shell form: curl asks the hook server, Node answers the rest)",
 * //  "curl: /usr/bin/curl"]
 */
export async function describeInstalledHook(projectDir: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const files = new Set([
    path.join(projectDir, ".claude", "settings.json"),
    path.join(projectDir, ".claude", "settings.local.json"),
    // The same file as the project's when the project is the home folder.
    path.resolve(claudeConfigDir(env), "settings.json"),
  ]);
  const found: string[] = [];
  for (const file of files) {
    const where = file.startsWith(projectDir + path.sep) ? path.relative(projectDir, file) : file;
    try {
      for (const command of await installedHookCommands(file))
        found.push(`${where} (${FORMS[hookCommandForm(command)]})`);
    } catch (err) {
      found.push(`${where}: cannot tell (${isAgentRouteError(err) ? err.message : String(err)})`);
    }
  }
  const curl = findOnPath("curl", env);
  return [
    `installed: ${found.length > 0 ? found.join("; ") : "nowhere (agentroute hook install adds it)"}`,
    `curl: ${curl ?? "not found on PATH (the shell form then runs Node for every prompt)"}`,
  ];
}

const FORMS = {
  shell: "shell form: curl asks the hook server, Node answers the rest",
  node: "Node form: starts Node for every prompt; agentroute hook install writes the faster shell form",
} as const;
