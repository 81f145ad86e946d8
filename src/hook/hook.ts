import { appendFileSafely } from "../util/safe-write.js";
import { statSync } from "node:fs";
import { lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import type { RouteDecision } from "../classify/types.js";
import { AgentRouteError } from "../errors.js";
import { claudeConfigDir, hookAgentDirs } from "./dirs.js";
import {
  CLI_ENTRY,
  SERVER_REPLY_MS,
  askHookServer,
  hookHome,
  hookSocketPath,
  isRoutablePrompt,
  startHookServer,
  type HookServerAnswer,
} from "./client.cjs";
import type { HandOver } from "./fast-hook.cjs";
import { MAX_HOOK_INPUT_BYTES, hookInputError, parseHookInput, readStreamWithin, type HookInput } from "./input.js";
import { decisionLogLine, kindsOf, renderHookOutput } from "./render.js";
import { hookAliasPath } from "./server-lock.js";

export { renderHookOutput };

export interface HookOptions {
  env: NodeJS.ProcessEnv;
  /** false = keyword-only routing (`--no-embeddings`). Default true. */
  embeddings?: boolean;
  /** JSONL file to append each decision to; default `$AGENTROUTE_DECISION_LOG`, else none. */
  decisionLog?: string;
  /** How long to wait for stdin. Default 2000 ms. */
  stdinTimeoutMs?: number;
  /**
   * Ask the hook server (and start one when none answers) instead of routing in this process.
   * Default true; `--no-server` or AGENTROUTE_HOOK_SERVER=0 turn it off.
   */
  server?: boolean;
  now?: () => Date;
}

/** Where the hook keeps its files: error log, vector cache, the server's socket. */
export function hookPaths(env: NodeJS.ProcessEnv): {
  home: string;
  errorLog: string;
  cacheDir: string;
  socket: string | null;
  /** The link the shell form of the hook asks through (see hookAliasName). */
  alias: string | null;
} {
  const home = hookHome(env);
  return {
    home,
    errorLog: env.AGENTROUTE_HOOK_LOG?.trim() || path.join(home, "hook.log"),
    cacheDir: path.join(home, "cache"),
    socket: hookSocketPath(home),
    alias: hookAliasPath(home),
  };
}

/**
 * The UserPromptSubmit hook, end to end, and never failing: reads stdin, routes the prompt
 * against the agents Claude Code loads for its cwd, and returns what to print (the hook JSON,
 * or "" when no agent clears the threshold). Any error is appended to the error log and
 * yields "", so a broken agent file or a missing model can never block a prompt.
 *
 * @example
 * const stdout = await runHookSafely(process.stdin, { env: process.env });
 * process.stdout.write(stdout);
 */
export async function runHookSafely(stdin: NodeJS.ReadableStream, options: HookOptions): Promise<string> {
  try {
    return await finishHook(
      { text: await readStreamWithin(stdin, options.stdinTimeoutMs ?? 2000, MAX_HOOK_INPUT_BYTES) },
      options,
    );
  } catch (err) {
    return finishHook({ text: null, readError: err as Error }, options);
  }
}

/**
 * The hook from its input on: what the fast client (fast-hook.cjs) hands over when it cannot
 * answer alone (no server yet, an error to log, a decision log to write, bad input), with the
 * server's answer when it already asked. Never throws; errors go to the error log.
 *
 * @example
 * await finishHook({ text: '{"prompt":"review my PR","cwd":"/repo"}' }, { env: process.env })
 */
export async function finishHook(given: HandOver, options: HookOptions): Promise<string> {
  const now = options.now ?? (() => new Date());
  try {
    if (given.text === null)
      throw given.readError instanceof AgentRouteError
        ? given.readError
        : hookInputError(`${given.readError?.message}`);
    const input = parseHookInput(given.text);
    const routed = await routeHook(input, options, given.answer);
    const logFile = options.decisionLog ?? options.env.AGENTROUTE_DECISION_LOG?.trim();
    if (routed !== null && logFile) await appendLine(logFile, decisionLogLine(input, routed.decision, now()));
    return routed?.output ?? "";
  } catch (err) {
    await logHookError(hookPaths(options.env).errorLog, err, now()).catch(() => undefined);
    return "";
  }
}

/**
 * Routes a hook prompt, or returns null when there is nothing to route: a slash command
 * (the command decides its own work), an empty prompt, or no agents or skills for this cwd.
 *
 * @example
 * await routeHookPrompt({ prompt: "review my PR", cwd: "/repo" }, { env: process.env })
 * // { dispatch: ["code-reviewer"], … }
 */
export async function routeHookPrompt(input: HookInput, options: HookOptions): Promise<RouteDecision | null> {
  return (await routeHook(input, options))?.decision ?? null;
}

async function routeHook(
  input: HookInput,
  options: HookOptions,
  asked?: HookServerAnswer,
): Promise<{ decision: RouteDecision; output: string } | null> {
  if (!isRoutablePrompt(input.prompt)) return null;
  const prompt = input.prompt.trim();
  // Claude Code sets CLAUDE_PROJECT_DIR for hooks: the project root, which stays put when the
  // session's cwd moves into a subfolder.
  const projectDir = options.env.CLAUDE_PROJECT_DIR?.trim() || input.cwd;
  const embeddings = options.embeddings ?? true;
  const socket = hookPaths(options.env).socket;
  const useServer = socket !== null && options.server !== false && options.env.AGENTROUTE_HOOK_SERVER?.trim() !== "0";
  if (!useServer) return routeInProcess(prompt, projectDir, embeddings, options.env);
  const answer =
    asked ?? (await askHookServer(socket, { op: "route", prompt, projectDir, embeddings }, SERVER_REPLY_MS));
  if (answer.status === "busy") {
    // Never a second server beside a busy one: this prompt goes without a suggestion.
    throw new AgentRouteError(
      "HOOK_SERVER",
      `the hook server did not answer within ${SERVER_REPLY_MS / 1000} s (still building an index?); this prompt was not routed`,
      {
        hint: "Later prompts will be answered once it is ready; `agentroute hook --stop-server` stops it.",
      },
    );
  }
  if (answer.status === "reply") {
    if (!answer.reply.ok)
      throw new AgentRouteError("HOOK_SERVER", `hook server: ${answer.reply.error}`, {
        hint: "Fix the cause above; `agentroute hook --stop-server` stops the server.",
      });
    const { decision, output } = answer.reply;
    return decision === null ? null : { decision, output };
  }
  if (!hookAgentDirs(projectDir, options.env).some(isFolder) && !hasPlugins(options.env)) return null;
  // No server: start one for the prompts after. With embeddings, answer nothing now: routing
  // here would load the model and build the index in this prompt's time (33 s cold on 81
  // agents, past Claude Code's 10 s timeout); keyword-only routing here takes well under 1 s.
  await checkSocketPath(socket);
  await mkdir(hookPaths(options.env).home, { recursive: true, mode: 0o700 });
  startHookServer(CLI_ENTRY, socket, options.env, embeddings);
  return embeddings ? null : routeInProcess(prompt, projectDir, false, options.env);
}

const isFolder = (dir: string): boolean => statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;

/** Something else at the socket path (a folder, a file) would make every prompt try, fail and wait. */
async function checkSocketPath(socket: string): Promise<void> {
  const info = await lstat(socket).catch(() => null);
  if (info === null || info.isSocket()) return;
  throw new AgentRouteError(
    "HOOK_SERVER",
    `${socket} is ${info.isDirectory() ? "a folder" : "not a socket"}, so no hook server can listen there; prompts go unrouted`,
    {
      hint: `Remove it (rm -r '${socket}'); the next prompt starts the server.`,
      file: socket,
    },
  );
}

/** Installed plugins can bring agents even without an agents folder. */
function hasPlugins(env: NodeJS.ProcessEnv): boolean {
  return (
    statSync(path.join(claudeConfigDir(env), "plugins", "installed_plugins.json"), { throwIfNoEntry: false }) !==
    undefined
  );
}

async function routeInProcess(
  prompt: string,
  projectDir: string,
  embeddings: boolean,
  env: NodeJS.ProcessEnv,
): Promise<{ decision: RouteDecision; output: string } | null> {
  // Imported here, like the router below: a hook answered by its server never loads them.
  const { loadHookAgents } = await import("./agents.js");
  const agentSet = await loadHookAgents(projectDir, env);
  if (agentSet === null || agentSet.agents.length === 0) return null;
  const errorLog = hookPaths(env).errorLog;
  const { openRouter } = await import("../pipeline/open.js");
  const opened = await openRouter({
    agentSet,
    cwd: projectDir,
    env,
    embeddings,
    cacheDir: hookPaths(env).cacheDir,
    warn: (message) => void logHookError(errorLog, new Error(message), new Date()).catch(() => undefined),
  });
  try {
    const decision = await opened.router.route(prompt);
    return { decision, output: renderHookOutput(decision, kindsOf(agentSet.agents)) };
  } finally {
    // Releases the model so the process exits as soon as the answer is printed.
    await opened.close();
  }
}

/** Appends a problem to the hook's error log (never throws). */
export async function logHookProblem(env: NodeJS.ProcessEnv, err: unknown): Promise<void> {
  await logHookError(hookPaths(env).errorLog, err, new Date()).catch(() => undefined);
}

async function logHookError(file: string, err: unknown, at: Date): Promise<void> {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  await appendLine(file, `${at.toISOString()} ${what.replace(/\n/g, "\n  ")}`);
}

async function appendLine(file: string, line: string): Promise<void> {
  await appendFileSafely(file, line + "\n", { what: "hook log" });
}
