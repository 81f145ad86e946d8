import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hookRouteRequest } from "../../src/hook/client.cjs";
import { REPO_ROOT } from "../helpers/shared.js";

describe("the route request both clients build from the hook input (one piece of code)", () => {
  const route = (prompt: string, projectDir: string, embeddings = true) => ({
    op: "route",
    prompt,
    projectDir,
    embeddings,
  });
  it.each([
    ['{"prompt":" fix CI ","cwd":"/r/sub"}', undefined, route("fix CI", "/r/sub")],
    ['{"prompt":"fix CI","cwd":"/r/sub","hook_event_name":"UserPromptSubmit"}', " /r ", route("fix CI", "/r")],
    ['{"prompt":"fix CI","cwd":"/r/sub"}', "   ", route("fix CI", "/r/sub")],
    ['{"prompt":"/clear","cwd":"/r"}', undefined, "skip"],
    ['{"prompt":"  ","cwd":"/r"}', undefined, "skip"],
    ['{"prompt":"/src/app.ts crashes","cwd":"/r"}', undefined, route("/src/app.ts crashes", "/r")],
    ['{"prompt":"x","cwd":"/r","hook_event_name":"Stop"}', undefined, null],
    ['{"prompt":"x","cwd":""}', undefined, null],
    ['{"prompt":1,"cwd":"/r"}', undefined, null],
    ["[]", undefined, null],
    ["not json", undefined, null],
  ])("%s (CLAUDE_PROJECT_DIR %j) → %j", (text, projectDir, expected) => {
    expect(hookRouteRequest(text, projectDir, true)).toEqual(expected);
  });
});

/** The built entry `hook install` writes. */
const HOOK_ENTRY = path.join(REPO_ROOT, "dist/src/hook/fast-hook.cjs");

/** Runs the built hook entry; `stdin` null leaves stdin open (never closed). */
function runEntry(
  args: string[],
  stdin: string | null,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [HOOK_ENTRY, ...args], { env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const ended = new Promise((done) => child.stdout.on("end", done));
    // "exit", not "close": a stdin left open on this side would hold "close" back.
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      child.stdin.destroy();
      void ended.then(() => resolve({ code, stdout, ms }));
    });
    if (stdin !== null) child.stdin.end(stdin);
  });
}

describe.skipIf(!existsSync(HOOK_ENTRY) || process.platform === "win32")(
  "the hook's client entry (built)",
  { timeout: 20_000 },
  () => {
    let home = "";
    let env: NodeJS.ProcessEnv = {};
    const log = () => readFile(path.join(home, ".claude/agentroute/hook.log"), "utf8").catch(() => "");
    beforeAll(async () => {
      home = await mkdtemp(path.join(os.tmpdir(), "ar-fh-"));
      env = { HOME: home, PATH: process.env.PATH };
    });
    afterAll(() => rm(home, { recursive: true, force: true }));

    it("prints nothing for a slash command, and starts no server", async () => {
      const run = await runEntry(["hook"], JSON.stringify({ prompt: "/clear", cwd: home }), env);
      expect(run).toMatchObject({ code: 0, stdout: "" });
      expect(existsSync(path.join(home, ".claude/agentroute"))).toBe(false);
    });

    it("hands input that is not hook JSON to the full hook, which logs why", async () => {
      const run = await runEntry(["hook", "--no-embeddings"], "garbage", env);
      expect(run).toMatchObject({ code: 0, stdout: "" });
      expect(await log()).toMatch(/hook input: stdin is not JSON \(starts with "garbage"\)/);
    });

    it("gives up on a stdin nobody closes after 2 s, exits 0 and logs it", async () => {
      const run = await runEntry(["hook"], null, env);
      expect(run).toMatchObject({ code: 0, stdout: "" });
      expect(run.ms).toBeLessThan(9000); // inside Claude Code's 10 s, even on a loaded machine
      expect(await log()).toMatch(/no complete input on stdin within 2000 ms/);
    }, 20_000);

    it("runs the whole CLI for anything but the hook", async () => {
      const run = await runEntry(["--version"], "", env);
      expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });
  },
);
