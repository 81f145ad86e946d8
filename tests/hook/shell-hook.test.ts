import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askHookServer, stopHookServer } from "../../src/hook/client.cjs";
import { hookShellCommand } from "../../src/hook/command.js";
import { serveHook, type HookServerOptions } from "../../src/hook/server.js";
import { hookAliasName } from "../../src/hook/server-lock.js";
import { REPO_ROOT } from "../helpers/shared.js";

/** The built client: its socket and link names are the ones the built hook entry uses. */
const BUILT = path.join(REPO_ROOT, "dist/src/hook");
const ENTRY = path.join(BUILT, "fast-hook.cjs");
const CURL = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"].find((f) => existsSync(f));
const PROMPT = "Please review my pull request before I merge it";

type BuiltClient = typeof import("../../src/hook/client.cjs");

/** Runs a settings.json command the way Claude Code does: a shell, the hook JSON on stdin. */
function runCommand(command: string, stdin: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", command], { env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(stdout));
    child.stdin.on("error", () => undefined);
    child.stdin.end(stdin);
  });
}

describe.skipIf(!existsSync(ENTRY) || process.platform === "win32" || !CURL)(
  "the shell form of the hook (curl to the server, Node as the fallback)",
  { timeout: 60_000 },
  () => {
    let root = "";
    let project = "";
    let env: NodeJS.ProcessEnv = {};
    let built: BuiltClient;
    let socket = "";
    let alias = "";
    let served: Promise<void>;
    /** The shell form with a Node that does not exist: whatever it prints, curl answered. */
    const curlOnly = (args: string[]) =>
      hookShellCommand(path.join(root, "no-node"), ENTRY, args, path.basename(alias));
    const input = (fields: Record<string, unknown>) =>
      JSON.stringify({ session_id: "s", cwd: project, hook_event_name: "UserPromptSubmit", ...fields });
    const nodeClient = (args: string[], stdin: string, extra: NodeJS.ProcessEnv = {}) =>
      runCommand(`'${process.execPath}' '${ENTRY}' hook ${args.join(" ")}`, stdin, { ...env, ...extra });
    const serve = (options: Partial<HookServerOptions> = {}) =>
      serveHook({
        socketPath: socket,
        alias,
        env,
        cacheDir: process.env.AGENTROUTE_CACHE_DIR || path.join(root, "cache"),
        readyMs: 60_000,
        log: () => undefined,
        ...options,
      });
    const up = async () => {
      for (let i = 0; i < 200; i++) {
        if ((await askHookServer(socket, { op: "ping" }, 1000)).status === "reply") return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no server on ${socket}`);
    };
    /** Curl waits 2 s at most: the model and both routers are loaded before a test times it. */
    const startWarm = async () => {
      served = serve();
      await up();
      for (const embeddings of [false, true])
        await askHookServer(socket, { op: "route", prompt: PROMPT, projectDir: project, embeddings }, 60_000);
    };

    beforeAll(async () => {
      // Spaces and a quote in every path: HOME, the project, the node and entry paths below.
      root = await mkdtemp(path.join(os.tmpdir(), "ar sh'"));
      const home = path.join(root, "ho me");
      project = path.join(root, "pro'ject");
      await cp(path.join(REPO_ROOT, "tests/fixtures/dispatch/hook-project"), project, { recursive: true });
      await mkdir(path.join(home, ".claude"), { recursive: true });
      await cp(path.join(REPO_ROOT, "tests/fixtures/dispatch/hook-user/agents"), path.join(home, ".claude/agents"), {
        recursive: true,
      });
      env = { HOME: home, PATH: process.env.PATH };
      built = createRequire(import.meta.url)(path.join(BUILT, "client.cjs")) as BuiltClient;
      socket = built.hookSocketPath(built.hookHome(env))!;
      alias = path.join(built.hookHome(env), hookAliasName(BUILT));
      await startWarm();
    }, 120_000);
    afterAll(async () => {
      await stopHookServer(socket);
      await served;
      await rm(root, { recursive: true, force: true });
    }, 30_000);

    it("links the install's name to the running server's socket", async () => {
      expect(await readlink(alias)).toBe(path.basename(socket));
    });

    it("a second server of the install takes the link; the first one leaving does not remove it", async () => {
      const other = path.join(path.dirname(socket), "server-other.sock");
      const second = serve({ socketPath: other, warm: false });
      await expect.poll(() => readlink(alias).catch(() => ""), { timeout: 20_000 }).toBe("server-other.sock");
      await stopHookServer(socket);
      await served;
      expect(await readlink(alias)).toBe("server-other.sock");
      await stopHookServer(other);
      await second;
      expect(existsSync(alias)).toBe(false);
      await startWarm();
    }, 120_000);

    it.each([
      ["a prompt, keyword-only", ["--no-embeddings"], { prompt: PROMPT }, {}],
      ["a prompt from a subfolder, CLAUDE_PROJECT_DIR set", ["--no-embeddings"], { prompt: PROMPT, cwd: "/" }, "dir"],
      ["a prompt with embeddings", [], { prompt: "write unit tests for the payment service" }, {}],
      ["a slash command (nothing)", [], { prompt: "/clear" }, {}],
      ["a blank prompt (nothing)", ["--no-embeddings"], { prompt: "  " }, {}],
    ] as const)("curl alone answers %s, byte for byte as the Node client", async (_what, args, fields, extra) => {
      const more = extra === "dir" ? { CLAUDE_PROJECT_DIR: `${project} ` } : {};
      const stdin = input(fields);
      const viaCurl = await runCommand(curlOnly([...args]), stdin, { ...env, ...more });
      const viaNode = await nodeClient([...args], stdin, more);
      expect(viaCurl).toBe(viaNode);
      if (fields.prompt === PROMPT) expect(viaCurl).toMatch(/code-reviewer.*\}\n$/);
    });

    it("a ~/.curlrc changes nothing (curl -q reads none)", async () => {
      const curlrc = path.join(env.HOME!, ".curlrc");
      await writeFile(curlrc, 'include\nwrite-out = "extra"\n');
      try {
        const stdin = input({ prompt: PROMPT });
        expect(await runCommand(curlOnly(["--no-embeddings"]), stdin, env)).toBe(
          await nodeClient(["--no-embeddings"], stdin),
        );
      } finally {
        await rm(curlrc);
      }
    });

    it.each([
      ["not JSON", "garbage"],
      ["another hook event", input({ prompt: PROMPT, hook_event_name: "Stop" })],
      ["a relative CLAUDE_PROJECT_DIR", input({ prompt: PROMPT })],
    ])("curl refuses %s: the Node client takes it, as today", async (what, stdin) => {
      const more = what.includes("relative") ? { CLAUDE_PROJECT_DIR: "pro'ject" } : {};
      expect(await runCommand(curlOnly(["--no-embeddings"]), stdin, { ...env, ...more })).toBe("");
      const command = hookShellCommand(process.execPath, ENTRY, ["--no-embeddings"], path.basename(alias));
      expect(await runCommand(command, stdin, { ...env, ...more })).toBe(
        await nodeClient(["--no-embeddings"], stdin, more),
      );
    });

    it("quotes node and entry paths with spaces and quotes", async () => {
      const odd = path.join(root, "it's a dir");
      await mkdir(odd);
      await symlink(process.execPath, path.join(odd, "no de"));
      await symlink(path.join(REPO_ROOT, "dist"), path.join(odd, "di st"));
      const command = hookShellCommand(
        path.join(odd, "no de"),
        path.join(odd, "di st/src/hook/fast-hook.cjs"),
        ["--no-embeddings"],
        path.basename(alias),
      );
      const stdin = input({ prompt: PROMPT });
      const expected = await nodeClient(["--no-embeddings"], stdin);
      expect(await runCommand(command, stdin, env)).toBe(expected);
      // Without curl on PATH the same command runs the Node client (through the odd paths).
      const bin = path.join(root, "bin");
      await mkdir(bin);
      await symlink(
        ["/bin/cat", "/usr/bin/cat"].find((f) => existsSync(f))!,
        path.join(bin, "cat"),
      );
      expect(await runCommand(command, stdin, { ...env, PATH: bin })).toBe(expected);
      expect(await runCommand(curlOnly(["--no-embeddings"]), stdin, { ...env, PATH: bin })).toBe("");
    });

    it.each([["AGENTROUTE_DECISION_LOG"], ["AGENTROUTE_HOOK_SERVER"]])(
      "%s set: the Node client answers (it logs the decision, or routes in process)",
      async (name) => {
        const log = path.join(root, "decisions.jsonl");
        const extra = { [name]: name === "AGENTROUTE_HOOK_SERVER" ? "0" : log };
        const stdin = input({ prompt: PROMPT });
        expect(await runCommand(curlOnly(["--no-embeddings"]), stdin, { ...env, ...extra })).toBe("");
        const command = hookShellCommand(process.execPath, ENTRY, ["--no-embeddings"], path.basename(alias));
        expect(await runCommand(command, stdin, { ...env, ...extra })).toMatch(/code-reviewer/);
        if (name === "AGENTROUTE_DECISION_LOG") expect(await readFile(log, "utf8")).toMatch(/"code-reviewer"/);
      },
    );

    it("a stale server (its build replaced on disk) refuses, stops and gives up its link", async () => {
      await stopHookServer(socket);
      await served;
      expect(existsSync(alias)).toBe(false);
      const stale = serve({ isStale: () => true });
      await up();
      expect(await runCommand(curlOnly(["--no-embeddings"]), input({ prompt: PROMPT }), env)).toBe("");
      await stale; // stopped by the refused request
      expect(existsSync(alias)).toBe(false);
      served = stale;
    });
  },
);
