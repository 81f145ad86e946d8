import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  CLI_ENTRY,
  SERVER_REPLY_MS,
  askHookServer,
  hookHome,
  hookSocketPath,
  hookRouteRequest,
  isFastHookArgv,
  readStreamWithin,
  type HookServerAnswer,
} from "./client.cjs";

/** Hook input larger than this is not a prompt someone typed (input.ts says the same). */
const MAX_INPUT_BYTES = 4 * 1024 * 1024;
const STDIN_MS = 2000;

/** What the full hook (hook.js, an ES module graph) is handed when the fast client cannot answer. */
export interface HandOver {
  /** stdin as read, or null with `readError` when reading failed. */
  text: string | null;
  readError?: Error;
  /** The server's answer, when it was asked. */
  answer?: HookServerAnswer;
}

/**
 * The UserPromptSubmit hook as `hook install` writes it (`node …/fast-hook.cjs hook [flags]`),
 * in as little as Node can do: read stdin, ask the hook server over its socket, print its
 * answer. CommonJS with Node built-ins only, so no ES module loader starts and nothing of the
 * router loads. Anything it cannot settle alone (no server yet, an error to log, a decision
 * log to write, bad input, `--no-server`) goes to the full hook in hook.js with what it has.
 * Returns what to print.
 *
 * @example
 * process.stdout.write(await runFastHook(["hook"], process.stdin, process.env));
 */
export async function runFastHook(
  argv: readonly string[],
  stdin: NodeJS.ReadableStream,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const embeddings = !argv.includes("--no-embeddings");
  const server = !argv.includes("--no-server");
  const options = { env, embeddings, server };
  let text: string;
  try {
    text = await readStreamWithin(stdin, STDIN_MS, MAX_INPUT_BYTES, (reason) => new Error(reason));
  } catch (err) {
    return handOver(options, { text: null, readError: err as Error });
  }
  const request = hookRouteRequest(text, env.CLAUDE_PROJECT_DIR, embeddings);
  if (request === "skip") return "";
  const socket = hookSocketPath(hookHome(env));
  const useServer = server && env.AGENTROUTE_HOOK_SERVER?.trim() !== "0" && socket !== null;
  if (request === null || !useServer) return handOver(options, { text });
  const answer = await askHookServer(socket, request, SERVER_REPLY_MS);
  const settled = answer.status === "reply" && answer.reply.ok && !env.AGENTROUTE_DECISION_LOG?.trim();
  return settled && answer.reply.ok ? answer.reply.output : handOver(options, { text, answer });
}

async function handOver(options: { env: NodeJS.ProcessEnv; embeddings: boolean; server: boolean }, given: HandOver) {
  const hook = (await import(pathToFileURL(path.join(__dirname, "hook.js")).href)) as typeof import("./hook.js");
  return hook.finishHook(given, options);
}

/** Run as a program: the argv `hook install` writes, else the whole CLI. */
if (require.main === module) {
  const argv = process.argv.slice(2);
  if (isFastHookArgv(argv)) void runFastHook(argv, process.stdin, process.env).then((out) => process.stdout.write(out));
  else void import(pathToFileURL(CLI_ENTRY).href);
}
