import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askHookServer, hookSocketPath, stopHookServer } from "../../src/dispatch/hook-client.js";
import { serveHook } from "../../src/dispatch/hook-server.js";
import { hookPaths, routeHookPrompt } from "../../src/dispatch/hook.js";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/dispatch");
const PROMPT = "Please review my pull request before I merge it";

describe.skipIf(process.platform === "win32")("hook server", () => {
  let root = "";
  let home = "";
  let project = "";
  let env: NodeJS.ProcessEnv = {};
  const dirs = () => [path.join(project, ".claude", "agents"), path.join(home, ".claude", "agents")];
  const routeRequest = (prompt: string, embeddings: boolean) => ({ op: "route" as const, prompt, dirs: dirs(), projectDir: project, embeddings });
  const start = (socketPath: string, idleMs = 60_000) =>
    serveHook({ socketPath, env, cacheDir: path.join(root, "cache"), idleMs, log: (err) => { throw err; } });

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "ar-hs-"));
    home = path.join(root, "home");
    project = path.join(root, "project");
    await cp(path.join(FIXTURES, "hook-project"), project, { recursive: true });
    await mkdir(path.join(home, ".claude"), { recursive: true });
    await cp(path.join(FIXTURES, "hook-user", "agents"), path.join(home, ".claude", "agents"), { recursive: true });
    env = { HOME: home, PATH: process.env.PATH };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("answers like the in-process hook in both modes, picks up changed agent files, and stops on request", async () => {
    const socket = path.join(root, "a.sock");
    const served = start(socket);
    await expect.poll(() => askHookServer(socket, { op: "ping" }, 1000), { timeout: 10_000 }).toBeDefined();
    for (const embeddings of [false, true]) {
      const reply = await askHookServer(socket, routeRequest(PROMPT, embeddings), 30_000);
      const local = await routeHookPrompt({ prompt: PROMPT, cwd: project }, { env, embeddings, server: false });
      expect(reply).toEqual({ ok: true, decision: local });
    }
    const agents = path.join(project, ".claude", "agents");
    await mkdir(agents, { recursive: true });
    await writeFile(path.join(agents, "release-manager.md"), "---\nname: release-manager\ndescription: MUST BE USED to cut a release. Triggers on \"cut a release\", \"release notes\".\n---\nShips releases.\n");
    const after = await askHookServer(socket, routeRequest("cut a release and write the release notes", false), 30_000);
    expect(after).toMatchObject({ ok: true, decision: { dispatch: ["release-manager"] } });
    expect(await askHookServer(socket, { op: "ping" }, 2000)).toEqual({ ok: true, decision: null });
    expect(await stopHookServer(socket)).toBe(true);
    await served;
    expect(await askHookServer(socket, { op: "ping" }, 2000)).toBeUndefined();
    expect(await stopHookServer(socket)).toBe(false);
    await rm(path.join(agents, "release-manager.md"));
  }, 120_000);

  it("a second server leaves a live one alone; a stale socket file is replaced; idle servers exit", async () => {
    const socket = path.join(root, "b.sock");
    await writeFile(socket, "stale");
    const first = start(socket, 1500);
    await expect.poll(() => askHookServer(socket, { op: "ping" }, 1000), { timeout: 10_000 }).toEqual({ ok: true, decision: null });
    await start(socket); // returns at once: the socket is live
    expect(await askHookServer(socket, { op: "ping" }, 1000)).toEqual({ ok: true, decision: null });
    await first; // ends by itself after 1.5 s without requests
    expect(await askHookServer(socket, { op: "ping" }, 1000)).toBeUndefined();
  }, 60_000);

  it("a request that is not JSON gets an error line", async () => {
    const socket = path.join(root, "c.sock");
    const served = start(socket);
    await expect.poll(() => askHookServer(socket, { op: "ping" }, 1000), { timeout: 10_000 }).toBeDefined();
    const net = await import("node:net");
    const reply = await new Promise<string>((resolve) => {
      const c = net.createConnection({ path: socket }, () => c.end("not json\n"));
      let text = "";
      c.on("data", (d) => (text += d.toString()));
      c.on("close", () => resolve(text));
    });
    expect(JSON.parse(reply)).toEqual({ ok: false, error: "request is not JSON" });
    await stopHookServer(socket);
    await served;
  }, 30_000);

  it("the socket path carries the build, and there is none where a socket cannot be", () => {
    expect(hookSocketPath("/h/.claude/agentroute", "0.1.0-123")).toBe("/h/.claude/agentroute/server-0.1.0-123.sock");
    expect(hookSocketPath(`/${"x".repeat(120)}`, "1")).toBeNull();
  });

  it.skipIf(!existsSync(CLI))("end to end: the first hook starts a server, the next is answered by it, --stop-server ends it", async () => {
    const input = JSON.stringify({ session_id: "s", cwd: project, hook_event_name: "UserPromptSubmit", prompt: PROMPT });
    const run = (args: string[], stdin: string) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, ...args], { env });
        let stdout = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.on("close", (code) => resolve({ code, stdout }));
        child.stdin.end(stdin);
      });
    // The built CLI names its socket after its own build (dist), so find the one it made.
    const folder = path.dirname(hookPaths(env).errorLog);
    const socketIn = async () => (await readdir(folder).catch(() => [])).filter((f) => f.endsWith(".sock")).map((f) => path.join(folder, f));
    let socket = "";
    try {
      const first = await run(["hook"], input);
      expect(first.code).toBe(0);
      expect(first.stdout, first.stdout).toContain("code-reviewer");
      await expect.poll(async () => (await socketIn()).length, { timeout: 30_000, interval: 250 }).toBe(1);
      socket = (await socketIn())[0]!;
      await expect.poll(() => askHookServer(socket, { op: "ping" }, 1000), { timeout: 30_000, interval: 250 }).toEqual({ ok: true, decision: null });
      const second = await run(["hook"], input);
      expect(second.stdout).toBe(first.stdout);
      const stopped = await run(["hook", "--stop-server"], "");
      expect(stopped.code).toBe(0);
      await expect.poll(() => askHookServer(socket, { op: "ping" }, 1000), { timeout: 10_000 }).toBeUndefined();
    } finally {
      for (const s of await socketIn()) await stopHookServer(s);
    }
  }, 120_000);
});
