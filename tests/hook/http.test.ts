import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askHookServer, stopHookServer } from "../../src/hook/client.cjs";
import { parseHttpHead } from "../../src/hook/http.js";
import { MAX_CONNECTIONS, serveHook } from "../../src/hook/server.js";
import { makeHookWorld } from "../helpers/hook-world.js";
import { rm } from "node:fs/promises";

const HEAD = "POST /hook HTTP/1.1\r\nHost: agentroute\r\nX-Agentroute-Embeddings: 0";
const PONG = { status: "reply", reply: { ok: true, decision: null, output: "" } };

describe("the hook server's HTTP head", () => {
  it.each([
    [`${HEAD}\r\nContent-Length: 12`, { contentLength: 12, projectDir: "", embeddings: false }],
    [
      `${HEAD}\r\nContent-Length: 2\r\nX-Agentroute-Project-Dir:  /r/caf${Buffer.from("é").toString("latin1")} `,
      { contentLength: 2, projectDir: "/r/café", embeddings: false },
    ],
    ["GET /hook HTTP/1.1\r\nContent-Length: 2", { status: 400 }],
    ["POST /hook?x=1 HTTP/1.1\r\nContent-Length: 2", { status: 400 }],
    ["POST /hook HTTP/2\r\nContent-Length: 2", { status: 400 }],
    [HEAD, { status: 411 }],
    [`${HEAD}\r\nContent-Length: -1`, { status: 411 }],
    [`${HEAD}\r\nContent-Length: 2\r\ncontent-length: 2`, { status: 400 }],
    [`${HEAD}\r\nTransfer-Encoding: chunked`, { status: 411 }],
    [`${HEAD}\r\nContent-Length: 2\r\nExpect: 100-continue`, { status: 417 }],
    [`${HEAD}\r\nContent-Length: ${4 * 1024 * 1024 + 1}`, { status: 413 }],
    // curl passes a newline inside a -H value on as it is: the line after it is not a header.
    [`${HEAD}\r\nContent-Length: 2\r\nX-Agentroute-Project-Dir: /a\nAccept: x`, { status: 400 }],
    [`${HEAD}\r\nContent-Length: 2\r\nno colon`, { status: 400 }],
    ["POST /hook HTTP/1.1\r\nContent-Length: 2", { status: 400 }], // no mode header
    [`${HEAD}\r\nContent-Length: 2\r\nX-Agentroute-Project-Dir: /\xff\xfe`, { status: 400 }], // not UTF-8
    [`${HEAD}\r\nContent-Length: 2${"\r\nX-A: 1".repeat(40)}`, { status: 431 }],
  ])("%j → %j", (head, expected) => {
    expect(parseHttpHead(head)).toEqual(expected);
  });
});

/** Sends raw bytes (in pieces, `gapMs` apart) and returns whatever comes back before the server closes. */
function exchange(socketPath: string, pieces: (string | Buffer)[], gapMs = 0): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    const c = net.createConnection({ path: socketPath }, async () => {
      for (const piece of pieces) {
        if (c.destroyed) break;
        c.write(piece);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    });
    c.on("data", (d) => (text += d.toString()));
    c.on("close", () => resolve(text));
    c.on("error", () => undefined);
  });
}

const status = (response: string) => /^HTTP\/1\.1 (\d{3}) /.exec(response)?.[1];

describe.skipIf(process.platform === "win32")("the hook server's HTTP door, under hostile input", () => {
  let root = "";
  let project = "";
  let socket = "";
  let served: Promise<void>;
  beforeAll(async () => {
    ({ root, project } = await makeHookWorld("ar-http-"));
    socket = path.join(root, "s.sock");
    const env = { HOME: path.join(root, "home"), PATH: process.env.PATH };
    const cacheDir = path.join(root, "cache");
    served = serveHook({ socketPath: socket, env, cacheDir, requestMs: 1000, warm: false, log: () => undefined });
    for (let i = 0; i < 100 && (await askHookServer(socket, { op: "ping" }, 500)).status !== "reply"; i++)
      await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(async () => {
    await stopHookServer(socket);
    await served;
    await rm(root, { recursive: true, force: true });
  });
  const post = (body: string, extra = "") =>
    `${HEAD}${extra}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  it("answers a POST /hook with the hook output, Content-Length and Connection: close", async () => {
    const body = JSON.stringify({ prompt: "Please review my pull request before I merge it", cwd: project });
    const response = await exchange(socket, [post(body)]);
    const [head, output] = response.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(output!)}`);
    expect(head).toContain("Connection: close");
    expect(output).toMatch(/code-reviewer.*\}\n$/);
  });

  it.each([
    ["a slash command: 200, nothing", post(JSON.stringify({ prompt: "/clear", cwd: "/" })), "200"],
    ["not JSON", post("garbage"), "422"],
    ["not a UserPromptSubmit", post(JSON.stringify({ prompt: "x", cwd: "/", hook_event_name: "Stop" })), "422"],
    ["a relative project folder", post(JSON.stringify({ prompt: "x", cwd: "." })), "422"],
    ["another path", "POST /other HTTP/1.1\r\nContent-Length: 0\r\n\r\n", "400"],
    ["two requests in one connection", post("{}") + post("{}"), "400"],
    ["a head that never ends", `${HEAD}\r\nX-Pad: ${"a".repeat(9000)}`, "431"],
    ["more than the input cap", `${HEAD}\r\nContent-Length: 99999999\r\n\r\n`, "413"],
  ])("%s", async (_what, bytes, expected) => {
    const response = await exchange(socket, [bytes]);
    expect(status(response)).toBe(expected);
    if (expected === "200") expect(response.endsWith("Content-Length: 0\r\nConnection: close\r\n\r\n")).toBe(true);
  });

  it("drops a slow request (slowloris) and a short body at the deadline, and keeps answering meanwhile", async () => {
    const started = Date.now();
    const slow = exchange(socket, [...`${HEAD}\r\nContent-Length: 2\r\n\r\n{}`], 150);
    const short = exchange(socket, [`${HEAD}\r\nContent-Length: 10\r\n\r\n{}`]);
    expect(await askHookServer(socket, { op: "ping" }, 1000)).toEqual(PONG);
    expect(await slow).toBe("");
    expect(await short).toBe("");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("binary noise and an oversized line close the connection; the server stays up", async () => {
    expect(await exchange(socket, [Buffer.from([0, 1, 2, 255, 10])])).toMatch(/not a hook server request/);
    expect(await exchange(socket, [Buffer.alloc(9 * 1024 * 1024, 0x41)])).toBe("");
    expect(await askHookServer(socket, { op: "ping" }, 1000)).toEqual(PONG);
  });

  it("a client that never closes its side after the answer cannot keep a stopping server alive", async () => {
    const other = path.join(root, "o.sock");
    const env = { HOME: path.join(root, "home"), PATH: process.env.PATH };
    const serving = serveHook({
      socketPath: other,
      env,
      cacheDir: "",
      requestMs: 500,
      warm: false,
      log: () => undefined,
    });
    for (let i = 0; i < 100 && (await askHookServer(other, { op: "ping" }, 500)).status !== "reply"; i++)
      await new Promise((r) => setTimeout(r, 100));
    const stubborn = net.createConnection({ path: other, allowHalfOpen: true });
    stubborn.on("error", () => undefined);
    const answered = new Promise((resolve) => stubborn.once("data", resolve));
    stubborn.write('{"op":"ping"}\n');
    await answered;
    const started = Date.now();
    expect(await stopHookServer(other)).toBe(true);
    await serving;
    expect(Date.now() - started).toBeLessThan(5000);
    stubborn.destroy();
  }, 20_000);

  it("a flood of connections: those past the limit are closed at once, the rest at the deadline; then it answers", async () => {
    const flood = Array.from({ length: MAX_CONNECTIONS + 8 }, () => {
      const c = net.createConnection({ path: socket });
      c.on("error", () => undefined);
      c.write(Buffer.alloc(64 * 1024, 0x7b)); // "{{{…": a JSON line that never ends
      return new Promise<number>((resolve) => c.on("close", () => resolve(Date.now())));
    });
    const started = Date.now();
    const closedAt = await Promise.all(flood);
    expect(closedAt.filter((t) => t - started < 700).length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...closedAt) - started).toBeLessThan(5000);
    expect(await askHookServer(socket, { op: "ping" }, 1000)).toEqual(PONG);
  }, 20_000);
});
