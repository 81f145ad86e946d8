import path from "node:path";
import { hookRouteRequest, type HookServerReply, type HookServerRequest } from "./client.cjs";
import { MAX_HOOK_INPUT_BYTES } from "./input.js";

/**
 * The HTTP door of the hook server: the shell form of the hook (`hook install`) POSTs the raw
 * hook JSON with curl, which starts in a few milliseconds where Node takes tens. Deliberately
 * tiny and strict: one `POST /hook` per connection, Content-Length required, and any answer
 * but 200 makes `curl -f` fail, so the shell hands the same input to the Node client, which
 * behaves as it always did (logs the error, starts a server, …).
 */

/** The headers the shell form sends beside curl's own. */
export const PROJECT_DIR_HEADER = "X-Agentroute-Project-Dir";
export const EMBEDDINGS_HEADER = "X-Agentroute-Embeddings";
const MAX_HEADERS = 32;
/** Headers that must come at most once (one with a second value would be ambiguous). */
const SINGLE = new Set(["content-length", "transfer-encoding", "expect", "host", "x-agentroute-project-dir"]);
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

/** What the server needs from a request's head. */
export interface HttpHead {
  contentLength: number;
  /** CLAUDE_PROJECT_DIR as the shell had it (UTF-8), or "" when it was not set. */
  projectDir: string;
  embeddings: boolean;
}

/**
 * Reads a request's head (the bytes before the blank line, as latin1 so that each byte stays
 * one character): the head, or the status to refuse it with.
 *
 * @example
 * parseHttpHead("POST /hook HTTP/1.1\r\nContent-Length: 2\r\nX-Agentroute-Embeddings: 1")
 * // { contentLength: 2, projectDir: "", embeddings: true }
 * parseHttpHead("GET / HTTP/1.1") // { status: 400 }
 */
export function parseHttpHead(head: string): HttpHead | { status: number } {
  const [requestLine, ...lines] = head.split("\r\n");
  if (!/^POST \/hook HTTP\/1\.[01]$/.test(requestLine!)) return { status: 400 };
  if (lines.length > MAX_HEADERS) return { status: 431 };
  const headers = new Map<string, string>();
  for (const line of lines) {
    // A bare CR or LF inside a header (curl passes a newline in a -H value on as it is).
    const match = /[\r\n]/.test(line) ? null : HEADER_LINE.exec(line);
    if (match === null) return { status: 400 };
    const name = match[1]!.toLowerCase();
    if (SINGLE.has(name) && headers.has(name)) return { status: 400 };
    headers.set(name, match[2]!);
  }
  if (headers.has("transfer-encoding")) return { status: 411 };
  if (headers.has("expect")) return { status: 417 };
  const length = headers.get("content-length");
  if (length === undefined || !/^\d{1,10}$/.test(length)) return { status: 411 };
  if (Number(length) > MAX_HOOK_INPUT_BYTES) return { status: 413 };
  const embeddings = headers.get(EMBEDDINGS_HEADER.toLowerCase());
  if (embeddings !== "1" && embeddings !== "0") return { status: 400 };
  const raw = Buffer.from(headers.get(PROJECT_DIR_HEADER.toLowerCase()) ?? "", "latin1");
  const projectDir = raw.toString("utf8");
  // Not UTF-8: the folder could not be named back exactly.
  if (!Buffer.from(projectDir, "utf8").equals(raw)) return { status: 400 };
  return { contentLength: Number(length), projectDir, embeddings: embeddings === "1" };
}

/**
 * Answers one `POST /hook`: 200 with exactly what the Node client would print (empty for a
 * slash command or a blank prompt, the same "skip"), else a refusal: 422 for input the Node
 * client would hand to the full hook, 502 when routing failed (the Node client asks again and
 * logs it).
 */
export async function answerHttp(
  head: HttpHead,
  body: string,
  route: (request: Extract<HookServerRequest, { op: "route" }>) => Promise<HookServerReply>,
): Promise<string> {
  const request = hookRouteRequest(body, head.projectDir, head.embeddings);
  if (request === "skip") return httpResponse(200, "");
  // A relative project folder would be resolved against the server's own working folder.
  if (request === null || !path.isAbsolute(request.projectDir)) return httpResponse(422);
  const reply = await route(request);
  return reply.ok ? httpResponse(200, reply.output) : httpResponse(502);
}

const REASONS: Record<number, string> = {
  200: "OK",
  400: "Bad Request",
  411: "Length Required",
  413: "Content Too Large",
  417: "Expectation Failed",
  422: "Unprocessable Content",
  431: "Request Header Fields Too Large",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** A whole response, closing the connection. */
export function httpResponse(status: number, body = ""): string {
  return (
    `HTTP/1.1 ${status} ${REASONS[status] ?? "Error"}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}
