import { appendFileSafely } from "../util/safe-write.js";
import { statSync } from "node:fs";
import { lstat, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RouteDecision } from "../classify/types.js";
import { AgentRouteError } from "../errors.js";
import { VERSION } from "../version.js";
import { claudeConfigDir, hookAgentDirs } from "./dirs.js";
import { askHookServer, hookSocketPath, startHookServer } from "./client.js";
import { MAX_HOOK_INPUT_BYTES, parseHookInput, readStreamWithin, type HookInput } from "./input.js";

/** "/review the diff" is a slash command; "/src/app.ts crashes" is a path and gets routed. */
const SLASH_COMMAND = /^\/[\w:-]+(\s|$)/;

export interface HookOptions {
  env: NodeJS.ProcessEnv;
  /** false = keyword-only routing (`--no-embeddings`), the fast path. Default true. */
  embeddings?: boolean;
  /** JSONL file to append each decision to; default `$AGENTROUTE_DECISION_LOG`, else none. */
  decisionLog?: string;
  /** How long to wait for stdin. Default 2000 ms. */
  stdinTimeoutMs?: number;
  /**
   * With embeddings, ask the hook server (and start one when none answers) instead of loading
   * the model in this process. Default true; `--no-server` or AGENTROUTE_HOOK_SERVER=0 turn it off.
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
} {
  const home = path.join(claudeConfigDir(env), "agentroute");
  return {
    home,
    errorLog: env.AGENTROUTE_HOOK_LOG?.trim() || path.join(home, "hook.log"),
    cacheDir: path.join(home, "cache"),
    socket: hookSocketPath(home, buildId()),
  };
}

/** This build's CLI entry (dist/src/cli/main.js): what a hook server runs. */
const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

let build: string | undefined;

/** The version and the build's time: a rebuilt agentroute gets a new server (read once per process). */
function buildId(): string {
  build ??= `${VERSION}-${Math.round(statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0)}`;
  return build;
}

/** How long the hook waits for its server (which may still be loading the model). */
/** The server answers within READY_MS (or says it is warming); past this the prompt goes unrouted. */
const SERVER_REPLY_MS = 1500;

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
  const now = options.now ?? (() => new Date());
  try {
    const text = await readStreamWithin(stdin, options.stdinTimeoutMs ?? 2000, MAX_HOOK_INPUT_BYTES);
    const input = parseHookInput(text);
    const decision = await routeHookPrompt(input, options);
    const logFile = options.decisionLog ?? options.env.AGENTROUTE_DECISION_LOG?.trim();
    if (decision !== null && logFile) await appendLine(logFile, decisionLogLine(input, decision, now()));
    return decision === null ? "" : renderHookOutput(decision);
  } catch (err) {
    await logHookError(hookPaths(options.env).errorLog, err, now()).catch(() => undefined);
    return "";
  }
}

/**
 * Routes a hook prompt, or returns null when there is nothing to route: a slash command
 * (the command decides its own work), an empty prompt, or no agents for this cwd.
 *
 * @example
 * await routeHookPrompt({ prompt: "review my PR", cwd: "/repo" }, { env: process.env })
 * // { dispatch: ["code-reviewer"], … }
 */
export async function routeHookPrompt(input: HookInput, options: HookOptions): Promise<RouteDecision | null> {
  const prompt = input.prompt.trim();
  if (prompt === "" || SLASH_COMMAND.test(prompt)) return null;
  // Claude Code sets CLAUDE_PROJECT_DIR for hooks: the project root, which stays put when the
  // session's cwd moves into a subfolder.
  const projectDir = options.env.CLAUDE_PROJECT_DIR?.trim() || input.cwd;
  const dirs = hookAgentDirs(projectDir, options.env);
  if (!dirs.some((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory()) && !hasPlugins(options.env))
    return null;
  const embeddings = options.embeddings ?? true;
  const socket = hookPaths(options.env).socket;
  const useServer =
    embeddings && socket !== null && options.server !== false && options.env.AGENTROUTE_HOOK_SERVER?.trim() !== "0";
  if (!useServer) return routeInProcess(prompt, projectDir, embeddings, options.env);
  const answer = await askHookServer(socket, { op: "route", prompt, dirs, projectDir, embeddings }, SERVER_REPLY_MS);
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
    return answer.reply.decision;
  }
  // No server: start one and answer nothing now. Routing here would load the model and
  // build the index in this prompt's time (33 s cold on 81 agents, past Claude Code's 10 s
  // timeout, forever); the server builds it in the background for the prompts after.
  await checkSocketPath(socket);
  await mkdir(hookPaths(options.env).home, { recursive: true, mode: 0o700 });
  startHookServer(CLI, socket, options.env);
  return null;
}

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
): Promise<RouteDecision | null> {
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
    return await opened.router.route(prompt);
  } finally {
    // Releases the model so the process exits as soon as the answer is printed.
    await opened.close();
  }
}

/**
 * The hook's stdout for a decision: additionalContext naming the agent(s) and why in one
 * short sentence, or "" when the decision dispatches nobody.
 *
 * @example
 * renderHookOutput(decision)
 * // '{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"agentroute: this looks like a job for debugger (confidence 0.81; trigger \\"stack trace\\")."}}\n'
 */
export function renderHookOutput(decision: RouteDecision): string {
  if (decision.dispatch.length === 0) return "";
  const who =
    decision.dispatch.length === 1
      ? decision.dispatch[0]!
      : `${decision.dispatch.slice(0, -1).join(", ")} and ${decision.dispatch.at(-1)!}`;
  const context = `agentroute: this looks like a job for ${who} (${shortReason(decision)}).`;
  return (
    JSON.stringify({ hookSpecificOutput: { hookEventName: "UserPromptSubmit", additionalContext: context } }) + "\n"
  );
}

function shortReason(decision: RouteDecision): string {
  const top = decision.dispatch[0]!;
  const score = decision.ranked.find((r) => r.agent === top)?.score ?? 0;
  const reason = decision.reasons.agents.find((r) => r.agent === top);
  const parts = [`confidence ${score.toFixed(2)}`];
  if (reason && reason.matchedTriggers.length > 0) {
    parts.push(
      `trigger ${reason.matchedTriggers
        .slice(0, 2)
        .map((t) => JSON.stringify(t))
        .join(", ")}`,
    );
  } else if (reason?.bestPiece) {
    parts.push(`close to its ${reason.bestPiece.kind} ${JSON.stringify(clip(reason.bestPiece.text, 60))}`);
  }
  return parts.join("; ");
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function decisionLogLine(input: HookInput, decision: RouteDecision, at: Date): string {
  return JSON.stringify({
    timestamp: at.toISOString(),
    session: input.session_id ?? "",
    cwd: input.cwd,
    prompt: input.prompt,
    dispatch: decision.dispatch,
    ranked: decision.ranked.slice(0, 3),
    mode: decision.mode,
    summary: decision.reasons.summary,
  });
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
