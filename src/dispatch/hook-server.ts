import { stat, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { openRouter, CONFIG_FILE_NAME, type OpenedRouter } from "../classify/open.js";
import type { RouteDecision } from "../classify/types.js";
import { loadHookAgents } from "./hook-agents.js";
import { askHookServer, type HookServerRequest, type HookServerReply } from "./hook-client.js";

/** A server with no request for this long exits (and frees the model's memory). */
export const DEFAULT_IDLE_MS = 30 * 60 * 1000;
/** Routers kept for different projects at once; the least recently used goes first. */
const MAX_ROUTERS = 4;
/** A request line longer than this is not a hook request. */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

export interface HookServerOptions {
  socketPath: string;
  env: NodeJS.ProcessEnv;
  cacheDir: string;
  idleMs?: number;
  /** Where problems go (the hook's error log). */
  log: (err: unknown) => void;
}

/**
 * The hook's long-running helper: keeps the embedding model and each project's router loaded,
 * so a hook with embeddings answers in tens of milliseconds instead of loading the model for
 * every prompt. Listens on a Unix socket readable by the user only; routes, never runs code.
 * Agent files are re-read on every request (a changed set gets a new router), and the server
 * exits after `idleMs` without requests or on a `stop` request. Resolves when it has exited;
 * resolves at once when another live server already holds the socket.
 */
export async function serveHook(options: HookServerOptions): Promise<void> {
  if ((await askHookServer(options.socketPath, { op: "ping" }, 1000)) !== undefined) return;
  await unlink(options.socketPath).catch(() => undefined);
  const routers = new Map<string, { stamp: string; opened: OpenedRouter }>();
  let queue: Promise<unknown> = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  const server = net.createServer((socket) => {
    readRequest(socket, (request) => {
      resetIdle();
      if (request.op === "stop") setImmediate(stop);
      const work = queue.then(() => answer(request, routers, options));
      queue = work.catch(() => undefined);
      return work;
    });
  });
  const closed = new Promise<void>((resolve) => server.on("close", resolve));
  const stop = (): void => {
    if (idle) clearTimeout(idle);
    server.close();
  };
  const resetIdle = (): void => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(stop, options.idleMs ?? DEFAULT_IDLE_MS);
    idle.unref();
  };
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ path: options.socketPath, readableAll: false, writableAll: false }, resolve);
  });
  resetIdle();
  queue = warmUp(options.log);
  await closed;
  await queue;
  for (const { opened } of routers.values()) await opened.close();
}

async function answer(request: HookServerRequest, routers: Map<string, { stamp: string; opened: OpenedRouter }>, options: HookServerOptions): Promise<HookServerReply> {
  if (request.op !== "route") return { ok: true, decision: null };
  try {
    return { ok: true, decision: await route(request, routers, options) };
  } catch (err) {
    options.log(err);
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function route(request: Extract<HookServerRequest, { op: "route" }>, routers: Map<string, { stamp: string; opened: OpenedRouter }>, options: HookServerOptions): Promise<RouteDecision | null> {
  const agentSet = await loadHookAgents(request.dirs);
  if (agentSet === null || agentSet.agents.length === 0) return null;
  const key = `${request.dirs.join("\0")}\0${request.projectDir}\0${request.embeddings}`;
  const configTime = (await stat(path.join(request.projectDir, CONFIG_FILE_NAME)).catch(() => null))?.mtimeMs ?? 0;
  const stamp = `${agentSet.hash}:${configTime}`;
  let entry = routers.get(key);
  if (entry?.stamp !== stamp) {
    await entry?.opened.close();
    const opened = await openRouter({ agentSet, cwd: request.projectDir, env: options.env, embeddings: request.embeddings, cacheDir: options.cacheDir, warn: (m) => options.log(new Error(m)) });
    entry = { stamp, opened };
  }
  routers.delete(key);
  routers.set(key, entry);
  while (routers.size > MAX_ROUTERS) {
    const [oldest, value] = routers.entries().next().value!;
    routers.delete(oldest);
    await value.opened.close();
  }
  return entry.opened.router.route(request.prompt);
}

/** Reads one JSON line from the socket, answers it with one JSON line, and closes. */
function readRequest(socket: net.Socket, handle: (request: HookServerRequest) => Promise<HookServerReply>): void {
  let text = "";
  socket.setEncoding("utf8");
  socket.on("error", () => undefined);
  socket.on("data", (chunk: string) => {
    text += chunk;
    if (text.length > MAX_REQUEST_BYTES) return void socket.destroy();
    const end = text.indexOf("\n");
    if (end < 0) return;
    socket.removeAllListeners("data");
    let request: HookServerRequest;
    try {
      request = JSON.parse(text.slice(0, end)) as HookServerRequest;
    } catch {
      return void socket.end(`${JSON.stringify({ ok: false, error: "request is not JSON" })}\n`);
    }
    void handle(request).then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
  });
}

/** Loads the default model before the first prompt arrives (it is shared by every router). */
async function warmUp(log: (err: unknown) => void): Promise<void> {
  try {
    const { createEmbedder } = await import("../embed/registry.js");
    const embedder = await createEmbedder({ cacheDir: null });
    await embedder.embed(["warm up"]);
    await embedder.dispose();
  } catch (err) {
    log(err);
  }
}
