import { chmod, mkdir, stat, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { openRouter, CONFIG_FILE_NAME, type OpenedRouter } from "../pipeline/open.js";
import type { RouteDecision } from "../classify/types.js";
import { createHookAgentCache } from "./agent-cache.js";
import { currentBuildId, type HookServerRequest, type HookServerReply } from "./client.cjs";
import { answerAndClose, parseRequest, readOneRequest, type Incoming } from "./connection.js";
import { answerHttp, httpResponse } from "./http.js";
import { kindsOf, renderHookOutput } from "./render.js";
import { acquireServerLock, pointAlias, releaseAlias } from "./server-lock.js";

/** A server with no request for this long exits (and frees the model's memory). */
export const DEFAULT_IDLE_MS = 30 * 60 * 1000;
/** Routers kept for different projects at once; the least recently used goes first. */
const MAX_ROUTERS = 4;
/** A connection that has not sent a whole request this long after connecting is dropped. */
const REQUEST_MS = 10_000;
/**
 * Connections open at once; more are closed at once (the client then leaves that prompt
 * unrouted). Bounds what a flood can hold: each may buffer up to 8 MB until its deadline.
 */
export const MAX_CONNECTIONS = 32;
/**
 * Longest a prompt waits for its route: past it the server answers "warming" (no suggestion)
 * and keeps building the project's index for the prompts after, so a cold 33 s build never
 * holds a prompt (Claude Code kills the hook at 10 s).
 */
export const READY_MS = 800;

export interface HookServerOptions {
  socketPath: string;
  env: NodeJS.ProcessEnv;
  cacheDir: string;
  idleMs?: number;
  /** Longest a route request waits before the answer is "warming" (default READY_MS). */
  readyMs?: number;
  /** Where problems go (the hook's error log). */
  log: (err: unknown) => void;
  /** Load the model before the first prompt (default true; a keyword-only hook's server does not). */
  warm?: boolean;
  /**
   * The link the shell form of the hook asks through (hookAliasPath): pointed at this server's
   * socket once it listens, removed when it stops if it still points here. Default none.
   */
  alias?: string | null;
  /** Longest a connection may take to send its whole request (default 10 s). */
  requestMs?: number;
  /**
   * Whether this server's build is no longer the one on disk (default: the version and the
   * CLI entry's time, read again): a stale server refuses HTTP requests and stops, so the
   * shell form's fallback starts the new build's server.
   */
  isStale?: () => boolean;
}

type Routers = Map<string, { stamp: string; opened: OpenedRouter; kinds: ReturnType<typeof kindsOf> }>;

/** Agent files are stat-ed on every request and parsed again only when they changed. */
const loadHookAgents = createHookAgentCache();
type RouteRequest = Extract<HookServerRequest, { op: "route" }>;

/**
 * The hook's long-running helper: keeps the embedding model and each project's router loaded,
 * so a hook with embeddings answers in tens of milliseconds instead of loading the model for
 * every prompt. Listens on a Unix socket only its user can reach (folder 0700, socket 0600);
 * routes, never runs code. Agent files are re-read on every request (a changed set gets a new
 * router); the server exits after `idleMs` without requests or on a `stop` request. One server
 * per socket (a lock file beside it): resolves at once when another one holds it, otherwise
 * when this one has exited.
 */
export async function serveHook(options: HookServerOptions): Promise<void> {
  const folder = path.dirname(options.socketPath);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const release = await acquireServerLock(options.socketPath);
  if (!release) return;
  try {
    await unlink(options.socketPath).catch(() => undefined);
    await listenUntilStopped(options);
  } finally {
    await release();
  }
}

async function listenUntilStopped(options: HookServerOptions): Promise<void> {
  const routers: Routers = new Map();
  const queues = new Map<string, Promise<unknown>>();
  const idleSockets = new Set<net.Socket>();
  let idle: NodeJS.Timeout | undefined;
  let warm: Promise<void> = Promise.resolve();
  const stop = (): void => {
    if (idle) clearTimeout(idle);
    server.close();
    for (const socket of idleSockets) socket.destroy();
  };
  const resetIdle = (): void => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(stop, options.idleMs ?? DEFAULT_IDLE_MS);
    idle.unref();
  };
  // Requests of one project run in order; different projects do not wait for each other.
  const enqueue = (request: RouteRequest): Promise<HookServerReply> => {
    const key = routerKey(request);
    const work = (queues.get(key) ?? warm).then(() => answerRoute(request, routers, options));
    queues.set(
      key,
      work.catch(() => undefined),
    );
    return withinReadyTime(work, options.readyMs ?? READY_MS);
  };
  const startedBuild = currentBuildId();
  const handlers = { enqueue, stop, isStale: options.isStale ?? (() => currentBuildId() !== startedBuild) };
  const server = net.createServer((socket) => {
    idleSockets.add(socket);
    socket.on("close", () => idleSockets.delete(socket));
    const requestMs = options.requestMs ?? REQUEST_MS;
    readOneRequest(socket, requestMs, (incoming) => {
      idleSockets.delete(socket);
      resetIdle();
      void answerIncoming(incoming, handlers).then((text) => answerAndClose(socket, text, requestMs));
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  const closed = new Promise<void>((resolve) => server.on("close", resolve));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.socketPath, resolve);
  });
  await chmod(options.socketPath, 0o600);
  resetIdle();
  if (options.alias) await pointAlias(options.alias, options.socketPath).catch(options.log);
  if (options.warm !== false) warm = warmUp(options.log);
  await closed;
  if (options.alias) await releaseAlias(options.alias, options.socketPath);
  await Promise.all([warm, ...queues.values()]);
  for (const { opened } of routers.values()) await opened.close();
}

/** The bytes that answer one request: an HTTP response for curl, a JSON line for the Node client. */
async function answerIncoming(
  incoming: Incoming,
  server: { enqueue: (request: RouteRequest) => Promise<HookServerReply>; stop: () => void; isStale: () => boolean },
): Promise<string> {
  if (incoming.kind === "refused") return httpResponse(incoming.status);
  if (incoming.kind === "http") {
    if (!server.isStale()) return answerHttp(incoming.head, incoming.body, server.enqueue);
    setImmediate(server.stop);
    return httpResponse(503);
  }
  const request = parseRequest(incoming.line);
  if (request === null) return replyLine({ ok: false, error: "not a hook server request" });
  if (request.op === "stop") setImmediate(server.stop);
  return replyLine(request.op === "route" ? await server.enqueue(request) : { ok: true, decision: null, output: "" });
}

/** The reply, or "warming" (no decision) if it is not ready within `ms`; the work goes on either way. */
function withinReadyTime(work: Promise<HookServerReply>, ms: number): Promise<HookServerReply> {
  let timer: NodeJS.Timeout | undefined;
  const warming = new Promise<HookServerReply>((resolve) => {
    timer = setTimeout(() => resolve({ ok: true, decision: null, output: "", warming: true }), ms);
  });
  return Promise.race([work, warming]).finally(() => clearTimeout(timer));
}

function routerKey(request: RouteRequest): string {
  return `${request.projectDir}\0${request.embeddings}`;
}

async function answerRoute(
  request: RouteRequest,
  routers: Routers,
  options: HookServerOptions,
): Promise<HookServerReply> {
  try {
    const routed = await route(request, routers, options);
    return { ok: true, decision: routed?.decision ?? null, output: routed?.output ?? "" };
  } catch (err) {
    options.log(err);
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function route(
  request: RouteRequest,
  routers: Routers,
  options: HookServerOptions,
): Promise<{ decision: RouteDecision; output: string } | null> {
  const agentSet = await loadHookAgents(request.projectDir, options.env);
  if (agentSet === null || agentSet.agents.length === 0) return null;
  const key = routerKey(request);
  const configTime = (await stat(path.join(request.projectDir, CONFIG_FILE_NAME)).catch(() => null))?.mtimeMs ?? 0;
  const stamp = `${agentSet.hash}:${configTime}`;
  let entry = routers.get(key);
  if (entry?.stamp !== stamp) {
    await entry?.opened.close();
    const opened = await openRouter({
      agentSet,
      cwd: request.projectDir,
      env: options.env,
      embeddings: request.embeddings,
      cacheDir: options.cacheDir,
      warn: (m) => options.log(new Error(m)),
    });
    entry = { stamp, opened, kinds: kindsOf(agentSet.agents) };
  }
  routers.delete(key);
  routers.set(key, entry);
  while (routers.size > MAX_ROUTERS) {
    const [oldest, value] = routers.entries().next().value!;
    routers.delete(oldest);
    await value.opened.close();
  }
  const decision = await entry.opened.router.route(request.prompt);
  return { decision, output: renderHookOutput(decision, entry.kinds) };
}

function replyLine(reply: HookServerReply): string {
  return `${JSON.stringify(reply)}\n`;
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
