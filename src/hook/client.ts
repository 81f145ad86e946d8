import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { RouteDecision } from "../classify/types.js";

/** What the hook asks its server (one JSON line per connection). */
export type HookServerRequest =
  | { op: "route"; prompt: string; dirs: string[]; projectDir: string; embeddings: boolean }
  | { op: "ping" }
  | { op: "stop" };

/** The server's one-line answer; `warming` when the project's index is still being built (no decision yet). */
export type HookServerReply =
  { ok: true; decision: RouteDecision | null; warming?: true } | { ok: false; error: string };

/**
 * How asking went: a reply; `absent` when nothing listens on the socket (no file, or a stale
 * one: the caller may start a server); `busy` when a server is there but did not answer in
 * time or hung up (never start a second one then).
 */
export type HookServerAnswer = { status: "reply"; reply: HookServerReply } | { status: "absent" } | { status: "busy" };

/** Unix sockets have a path limit (108 bytes on Linux, 104 on macOS); past it there is no server. */
const MAX_SOCKET_PATH = 100;

/**
 * The server's socket for this build, in the hook's folder: the version and the build's
 * time are in the name, so a rebuilt or upgraded agentroute never talks to an old server.
 * null where there can be no server (Windows, or a path too long for a socket).
 */
export function hookSocketPath(hookDir: string, build: string): string | null {
  const file = path.join(hookDir, `server-${build.replace(/[^\w.-]+/g, "_")}.sock`);
  return process.platform === "win32" || Buffer.byteLength(file) > MAX_SOCKET_PATH ? null : file;
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

/** Starts a detached server for the next prompts. */
export function startHookServer(cli: string, socketPath: string, env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, [cli, "hook", "--serve", "--socket", socketPath], {
    detached: true,
    stdio: "ignore",
    env,
  });
  child.on("error", () => undefined);
  child.unref();
}

/** Asks the server at `socketPath` to stop; true when one answered. */
export async function stopHookServer(socketPath: string): Promise<boolean> {
  return (await askHookServer(socketPath, { op: "stop" }, 2000)).status === "reply";
}
