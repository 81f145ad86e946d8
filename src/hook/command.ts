import { accessSync, constants } from "node:fs";
import path from "node:path";
import { EMBEDDINGS_HEADER, PROJECT_DIR_HEADER } from "./http.js";

/**
 * Ends every command `hook install` writes (a shell comment, so it changes nothing when run):
 * uninstall removes only entries carrying it, never a user's own command that merely
 * mentions agentroute.
 */
export const HOOK_MARKER = "# agentroute-hook";

/**
 * The Node form of the hook command: absolute node and hook-entry paths, shell-quoted when
 * needed. What `hook install` writes where there is no server socket (Windows) or with
 * `--no-server`, and what the shell form falls back to.
 *
 * @example
 * hookCommand("/usr/bin/node", "/opt/agentroute/dist/src/hook/fast-hook.cjs", ["--no-embeddings"])
 * // "/usr/bin/node /opt/agentroute/dist/src/hook/fast-hook.cjs hook --no-embeddings # agentroute-hook"
 */
export function hookCommand(nodePath: string, entryPath: string, args: readonly string[] = []): string {
  return [...nodeArgv(nodePath, entryPath, args).map(shellQuote), HOOK_MARKER].join(" ");
}

/** The shell form starts with this (the test `hook status` uses to tell the forms apart). */
const SHELL = "/bin/sh -c ";

/**
 * The shell form's script ($1: the server link's name, $2: 1 or 0 for embeddings, then the
 * Node form's argv). It reads stdin once; unless a switch that needs the full hook is set
 * (any value: Node reads them exactly), it POSTs the input with curl to the hook server's
 * link in the hook's folder, with CLAUDE_PROJECT_DIR in a header, and prints the body of a
 * 200 (`-q` first: a user's ~/.curlrc cannot change what curl sends or prints; no proxy
 * for a local socket). `&& echo .` keeps the body's own trailing newline from `$(…)`, which strips them, and
 * tells a finished answer from a partial one. Anything else (no curl, no server, a refusal,
 * a time-out) pipes the same input to the Node client. No single quote inside, so it sits in
 * one pair of them.
 */
const SCRIPT = [
  "in=$(cat)",
  `if [ -z "$AGENTROUTE_HOOK_SERVER$AGENTROUTE_DECISION_LOG" ] && command -v curl >/dev/null 2>&1 && out=$(printf %s "$in" | curl -q -sf --noproxy "*" --max-time 2 --unix-socket "\${CLAUDE_CONFIG_DIR:-$HOME/.claude}/agentroute/$1" -H Expect: -H "${EMBEDDINGS_HEADER}: $2" -H "${PROJECT_DIR_HEADER}: $CLAUDE_PROJECT_DIR" --data-binary @- http://agentroute/hook && echo .)`,
  'then printf %s "${out%.}"',
  'else shift 2; printf %s "$in" | "$@"',
  "fi",
].join("; ");

/**
 * The shell form of the hook command, what `hook install` writes where a server socket can
 * be: curl asks the running hook server (a few ms to start, where Node takes tens), and the
 * Node form answers whatever curl cannot. `aliasName` is the server link's name in the hook's
 * folder (hookAliasName); the folder itself is worked out when the hook runs, as Node does.
 *
 * @example
 * hookShellCommand("/usr/bin/node", "/opt/ar/dist/src/hook/fast-hook.cjs", [], "hook-3f1c9a0b7d2e.sock")
 * // "/bin/sh -c 'in=$(cat); if … fi' agentroute-hook hook-3f1c9a0b7d2e.sock 1 /usr/bin/node /opt/ar/dist/src/hook/fast-hook.cjs hook # agentroute-hook"
 */
export function hookShellCommand(
  nodePath: string,
  entryPath: string,
  args: readonly string[],
  aliasName: string,
): string {
  const embeddings = args.includes("--no-embeddings") ? "0" : "1";
  const argv = ["agentroute-hook", aliasName, embeddings, ...nodeArgv(nodePath, entryPath, args)];
  return `${SHELL}${shellQuote(SCRIPT)} ${argv.map(shellQuote).join(" ")} ${HOOK_MARKER}`;
}

function nodeArgv(nodePath: string, entryPath: string, args: readonly string[]): string[] {
  return [nodePath, entryPath, "hook", ...args];
}

/** Which form one of our hook commands is: "shell" (curl, then Node) or "node" (older installs too). */
export function hookCommandForm(command: string): "shell" | "node" {
  return command.startsWith(SHELL) && command.trimEnd().endsWith(HOOK_MARKER) ? "shell" : "node";
}

/** The first executable `name` on PATH, as the hook's shell would find it, or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Quotes a word for sh (bash and zsh read it the same). */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
