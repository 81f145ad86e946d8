import { statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { RouteDecision } from "../classify/types.js";
import { readPackageVersion } from "../package-version.cjs";
import { claudeConfigDir } from "../util/claude-config.cjs";

// CommonJS on purpose: the hook's client entry (fast-hook.cjs) loads this file and Node
// built-ins only, without starting the ES module loader (measured: ~4 ms of a ~36 ms Node start).

/** What the hook asks its server (one JSON line per connection). */
export type HookServerRequest =
  { op: "route"; prompt: string; projectDir: string; embeddings: boolean } | { op: "ping" } | { op: "stop" };

/**
 * The server's one-line answer: the decision and `output`, what the hook prints (the hook
 * JSON, or ""); `warming` when the project's index is still being built (no decision yet).
 */
export type HookServerReply =
  { ok: true; decision: RouteDecision | null; output: string; warming?: true } | { ok: false; error: string };

/**
 * How asking went: a reply; `absent` when nothing listens on the socket (no file, or a stale
 * one: the caller may start a server); `busy` when a server is there but did not answer in
 * time or hung up (never start a second one then).
 */
export type HookServerAnswer = { status: "reply"; reply: HookServerReply } | { status: "absent" } | { status: "busy" };

/** Unix sockets have a path limit (108 bytes on Linux, 104 on macOS); past it there is no server. */
export const MAX_SOCKET_PATH = 100;

/** The server answers within READY_MS (or says it is warming); past this the prompt goes unrouted. */
export const SERVER_REPLY_MS = 1500;

/** "/review the diff" is a slash command; "/src/app.ts crashes" is a path and gets routed. */
const SLASH_COMMAND = /^\/[\w:-]+(\s|$)/;

/**
 * Whether a prompt is routed at all: not blank, not a slash command (the command decides).
 *
 * @example
 * isRoutablePrompt("/review the diff") // false
 * isRoutablePrompt("/src/app.ts crashes") // true
 */
export function isRoutablePrompt(prompt: string): boolean {
  const trimmed = prompt.trim();
  return trimmed !== "" && !SLASH_COMMAND.test(trimmed);
}

/** The hook flags the fast entries read themselves; any other flag goes through commander. */
const FAST_HOOK_FLAGS = new Set(["--no-embeddings", "--no-server"]);

/**
 * Whether the fast path answers this hook invocation: `hook` with no flag but the ones it
 * reads itself (the forms `hook install` writes into settings.json).
 *
 * @example
 * isFastHookArgv(["hook", "--no-embeddings"]); // true
 * isFastHookArgv(["hook", "--serve"]); // false
 */
export function isFastHookArgv(argv: readonly string[]): boolean {
  return argv[0] === "hook" && argv.slice(1).every((flag) => FAST_HOOK_FLAGS.has(flag));
}

export { claudeConfigDir };

/** The hook's own folder (error log, server socket, cache): `~/.claude/agentroute`. */
export function hookHome(env: NodeJS.ProcessEnv): string {
  return path.join(claudeConfigDir(env), "agentroute");
}

/** This build's CLI entry (dist/src/cli/main.js): what a hook server runs. */
export const CLI_ENTRY = path.join(__dirname, "..", "cli", "main.js");

let build: string | undefined;

/**
 * The version and the CLI entry's build time, read now: a rebuilt or upgraded agentroute gets
 * a new server (npm gives every installed file the same time, hence the version too). A
 * running server compares it with its own to learn that it is stale.
 */
export function currentBuildId(): string {
  return `${readPackageVersion(__dirname)}-${Math.round(statSync(CLI_ENTRY, { throwIfNoEntry: false })?.mtimeMs ?? 0)}`;
}

function buildId(): string {
  build ??= currentBuildId();
  return build;
}

/**
 * The server's socket for this build, in the hook's folder: the version and the build's
 * time are in the name, so a rebuilt or upgraded agentroute never talks to an old server.
 * null where there can be no server (Windows, or a path too long for a socket).
 *
 * @example
 * hookSocketPath("/h/.claude/agentroute", "0.1.0-123") // "/h/.claude/agentroute/server-0.1.0-123.sock"
 */
export function hookSocketPath(hookDir: string, buildName: string = buildId()): string | null {
  const file = path.join(hookDir, `server-${buildName.replace(/[^\w.-]+/g, "_")}.sock`);
  return process.platform === "win32" || Buffer.byteLength(file) > MAX_SOCKET_PATH ? null : file;
}

/**
 * The server request for a hook input (stdin's JSON), as the Node client and the server's
 * HTTP door both build it: "skip" for a prompt that is not routed (blank, a slash command);
 * null for anything that is not a well-formed UserPromptSubmit (hook.js says what is wrong).
 * `projectDir` is CLAUDE_PROJECT_DIR (the project root, which stays put when the session's
 * cwd moves into a subfolder); blank, the input's cwd.
 *
 * @example
 * hookRouteRequest('{"prompt":" fix CI ","cwd":"/r/sub"}', "/r", true)
 * // { op: "route", prompt: "fix CI", projectDir: "/r", embeddings: true }
 */
export function hookRouteRequest(
  text: string,
  projectDir: string | undefined,
  embeddings: boolean,
): Extract<HookServerRequest, { op: "route" }> | "skip" | null {
  const input = routableInput(text);
  if (input === null || input === "skip") return input;
  return { op: "route", prompt: input.prompt.trim(), projectDir: projectDir?.trim() || input.cwd, embeddings };
}

function routableInput(text: string): { prompt: string; cwd: string } | "skip" | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { prompt, cwd, hook_event_name: event } = value as Record<string, unknown>;
  if (typeof prompt !== "string" || typeof cwd !== "string" || cwd === "") return null;
  if (event !== undefined && event !== "UserPromptSubmit") return null;
  return isRoutablePrompt(prompt) ? { prompt, cwd } : "skip";
}

/** Sends one request to the hook server and reads its one-line reply (see HookServerAnswer). */
export function askHookServer(
  socketPath: string,
  request: HookServerRequest,
  timeoutMs: number,
): Promise<HookServerAnswer> {
  return new Promise((resolve) => {
    let text = "";
    let connected = false;
    const socket = net.createConnection({ path: socketPath });
    const finish = (answer: HookServerAnswer): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ status: "busy" }), timeoutMs);
    socket.setEncoding("utf8");
    socket.on("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on("data", (chunk: string) => {
      text += chunk;
      const end = text.indexOf("\n");
      if (end < 0) return;
      try {
        finish({ status: "reply", reply: JSON.parse(text.slice(0, end)) as HookServerReply });
      } catch {
        finish({ status: "busy" });
      }
    });
    // Refused or missing before connecting: nobody listens. After connecting: the server hung up.
    socket.on("error", () => finish(connected ? { status: "busy" } : { status: "absent" }));
    socket.on("end", () => finish({ status: "busy" }));
  });
}

/**
 * Starts a detached server for the next prompts. A keyword-only hook's server does not load
 * the model up front (it loads it at the first prompt that asks for embeddings).
 */
export function startHookServer(cli: string, socketPath: string, env: NodeJS.ProcessEnv, embeddings = true): void {
  // Loaded here: only the prompt that finds no server pays for child_process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require("node:child_process") as typeof import("node:child_process");
  const args = [cli, "hook", "--serve", "--socket", socketPath, ...(embeddings ? [] : ["--no-embeddings"])];
  const child = spawn(process.execPath, args, { detached: true, stdio: "ignore", env });
  child.on("error", () => undefined);
  child.unref();
}

/** Asks the server at `socketPath` to stop; true when one answered. */
export async function stopHookServer(socketPath: string): Promise<boolean> {
  return (await askHookServer(socketPath, { op: "stop" }, 2000)).status === "reply";
}

/**
 * Reads a whole stream as UTF-8, giving up after `timeoutMs` (a hook must never hang on a
 * stdin nobody closes) or past `maxBytes`, rejecting with `fail(reason)`. On giving up the
 * stream is destroyed so that it does not keep the process alive.
 *
 * @example
 * const text = await readStreamWithin(process.stdin, 2000, 4 << 20, (why) => new Error(why));
 */
export function readStreamWithin(
  stream: NodeJS.ReadableStream,
  timeoutMs: number,
  maxBytes: number,
  fail: (reason: string) => Error,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err: Error | null) => {
      clearTimeout(timer);
      stream.removeListener("data", onData);
      stream.removeListener("end", onEnd);
      stream.removeListener("error", onError);
      if (err === null) return resolve(Buffer.concat(chunks).toString("utf8"));
      (stream as Partial<{ destroy(): void }>).destroy?.();
      reject(err);
    };
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > maxBytes) return stop(fail(`stdin is larger than ${maxBytes} bytes`));
      chunks.push(buf);
    };
    const onEnd = () => stop(null);
    const onError = (err: Error) => stop(fail(`cannot read stdin (${err.message})`));
    const timer = setTimeout(() => stop(fail(`no complete input on stdin within ${timeoutMs} ms`)), timeoutMs);
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}
