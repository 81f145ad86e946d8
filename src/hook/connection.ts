import type net from "node:net";
import type { HookServerRequest } from "./client.cjs";
import { parseHttpHead, type HttpHead } from "./http.js";

/** A JSON line longer than this is not a hook request. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;
/** An HTTP request's head (request line and headers) longer than this is refused. */
export const MAX_HEAD_BYTES = 8 * 1024;

/**
 * One request as it came in on the server's socket: a JSON line (the Node client), an HTTP
 * `POST /hook` (the shell form's curl) with its head and body, or an HTTP request refused
 * before its body with the status to answer.
 */
export type Incoming =
  { kind: "line"; line: string } | { kind: "http"; head: HttpHead; body: string } | { kind: "refused"; status: number };

/**
 * Reads one request from a connection (one per connection) and hands it to `handle`, once.
 * The protocol is told by the first bytes: an upper-case word and a space is HTTP, anything
 * else a JSON line. A connection that has not sent a whole request within `deadlineMs` (as a
 * whole, not per chunk: a slow trickle is dropped too) or sends more than it may is closed.
 */
export function readOneRequest(socket: net.Socket, deadlineMs: number, handle: (incoming: Incoming) => void): void {
  let buffer = Buffer.alloc(0);
  let head: HttpHead | null = null;
  const timer = setTimeout(() => socket.destroy(), deadlineMs);
  const done = (incoming: Incoming | null): void => {
    clearTimeout(timer);
    socket.removeListener("data", onData);
    if (incoming === null) socket.destroy();
    else handle(incoming);
  };
  const onData = (chunk: Buffer): void => {
    buffer = Buffer.concat([buffer, chunk]);
    const protocol = sniff(buffer);
    if (protocol === "line") return void lineRead();
    if (protocol === "http") httpRead();
  };
  const lineRead = (): void => {
    const end = buffer.indexOf(0x0a);
    if (end >= 0) done({ kind: "line", line: buffer.subarray(0, end).toString("utf8") });
    else if (buffer.length > MAX_LINE_BYTES) done(null);
  };
  const httpRead = (): void => {
    if (head === null) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return buffer.length > MAX_HEAD_BYTES ? done({ kind: "refused", status: 431 }) : undefined;
      const parsed = parseHttpHead(buffer.subarray(0, end).toString("latin1"));
      if ("status" in parsed) return done({ kind: "refused", status: parsed.status });
      head = parsed;
      buffer = buffer.subarray(end + 4);
    }
    // One request per connection: bytes past the body are a second request, refused.
    if (buffer.length > head.contentLength) return done({ kind: "refused", status: 400 });
    if (buffer.length === head.contentLength) done({ kind: "http", head, body: buffer.toString("utf8") });
  };
  socket.on("error", () => undefined);
  socket.on("data", onData);
}

/**
 * Sends the answer and closes this side; a peer that does not close its own within `graceMs`
 * is cut off, so that it cannot keep a stopping server alive (close waits for every connection).
 */
export function answerAndClose(socket: net.Socket, text: string, graceMs: number): void {
  const linger = setTimeout(() => socket.destroy(), graceMs);
  socket.once("close", () => clearTimeout(linger));
  socket.end(text);
}

/** "http" for an upper-case word and a space, "line" for anything else, null until it can tell. */
function sniff(start: Buffer): "http" | "line" | null {
  const text = start.subarray(0, 17).toString("latin1");
  const word = /^[A-Z]*/.exec(text)![0];
  if (word.length > 0 && word.length < 16 && text[word.length] === " ") return "http";
  return word.length === text.length && text.length < 17 ? null : "line";
}

/** The request on a line, or null when it is not JSON of one of the known shapes. */
export function parseRequest(line: string): HookServerRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const r = value as Record<string, unknown>;
  if (r.op === "ping" || r.op === "stop") return { op: r.op };
  if (
    r.op !== "route" ||
    typeof r.prompt !== "string" ||
    typeof r.projectDir !== "string" ||
    typeof r.embeddings !== "boolean"
  )
    return null;
  return {
    op: "route",
    prompt: r.prompt,
    projectDir: r.projectDir,
    embeddings: r.embeddings,
  };
}
