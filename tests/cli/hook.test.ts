import { spawn } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeHookWorld } from "../helpers/hook-world.js";
import { CLI } from "../helpers/shared.js";
import { hookAliasName } from "../../src/hook/server-lock.js";
import { hookShellCommand } from "../../src/hook/command.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI with `stdin` piped in (or left open when null) and a temp HOME. */
function runCli(args: string[], stdin: string | null, env: NodeJS.ProcessEnv, cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    if (stdin !== null) child.stdin.end(stdin);
  });
}

describe.skipIf(!existsSync(CLI))("agentroute hook, end to end through the built CLI", () => {
  let root = "";
  let home = "";
  let project = "";
  let env: NodeJS.ProcessEnv = {};
  const log = () => path.join(home, ".claude", "agentroute", "hook.log");
  const payload = (prompt: string) =>
    JSON.stringify({
      session_id: "s-1",
      transcript_path: path.join(home, "t.jsonl"),
      cwd: project,
      permission_mode: "default",
      hook_event_name: "UserPromptSubmit",
      prompt,
    });

  beforeAll(async () => {
    ({ root, home, project } = await makeHookWorld("agentroute-hook-"));
    // In process: the hook server has its own tests (tests/dispatch/hook-server.test.ts, and below).
    env = { HOME: home, AGENTROUTE_DECISION_LOG: path.join(root, "decisions.jsonl"), AGENTROUTE_HOOK_SERVER: "0" };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("a confident prompt gets additionalContext naming the agent; the decision is logged", async () => {
    const run = await runCli(["hook"], payload("Please review my pull request before I merge it"), env, root);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(run.stdout) as { hookSpecificOutput: { hookEventName: string; additionalContext: string } };
    expect(out.hookSpecificOutput.hookEventName).toBe("UserPromptSubmit");
    expect(out.hookSpecificOutput.additionalContext).toMatch(
      /^agentroute: this looks like a job for code-reviewer \(confidence \d\.\d\d/,
    );
    expect(existsSync(log())).toBe(false);
    const logged = (await readFile(env.AGENTROUTE_DECISION_LOG!, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { prompt: string; dispatch: string[]; session: string });
    expect(logged.at(-1)).toMatchObject({
      prompt: "Please review my pull request before I merge it",
      dispatch: ["code-reviewer"],
      session: "s-1",
    });
  }, 30_000);

  it("the user's agents count too (docs-writer lives in ~/.claude/agents only), keyword-only", async () => {
    const run = await runCli(
      ["hook", "--no-embeddings"],
      payload("update the README and the changelog for this release"),
      env,
      root,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("a job for docs-writer");
    expect(existsSync(log())).toBe(false);
  }, 30_000);

  it.each([
    ["an unrelated prompt", "what's a good name for a cat?"],
    ["a slash command", "/review the migration"],
  ])(
    "%s prints nothing, and nothing went wrong",
    async (_name, prompt) => {
      const run = await runCli(["hook"], payload(prompt), env, root);
      expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
      expect(existsSync(log())).toBe(false);
    },
    30_000,
  );

  it("garbage on stdin: exit 0, nothing printed, the error in the log", async () => {
    const run = await runCli(["hook"], "this is not json", env, root);
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(await readFile(log(), "utf8")).toMatch(/hook input: stdin is not JSON/);
    await rm(log());
  });

  it("a stdin nobody closes: gives up within the timeout, exit 0, logged", async () => {
    const run = await runCli(["hook"], null, env, root);
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(run.ms).toBeLessThan(5000);
    expect(await readFile(log(), "utf8")).toMatch(/no complete input on stdin within 2000 ms/);
    await rm(log());
  }, 10_000);

  it("an agents folder whose only file is broken: nothing printed, the session goes on", async () => {
    const broken = path.join(root, "broken");
    await mkdir(path.join(broken, ".claude", "agents"), { recursive: true });
    await writeFile(path.join(broken, ".claude", "agents", "x.md"), "---\nname: [unclosed\n---\nbody\n");
    const run = await runCli(
      ["hook"],
      JSON.stringify({ prompt: "review my pull request", cwd: broken, hook_event_name: "UserPromptSubmit" }),
      { HOME: path.join(root, "nohome"), AGENTROUTE_HOOK_SERVER: "0" },
      root,
    );
    expect(run).toMatchObject({ code: 0, stdout: "", stderr: "" });
  }, 30_000);

  it("install then uninstall leaves settings.json byte-identical", async () => {
    const settings = path.join(project, ".claude", "settings.json");
    const original = JSON.stringify({ model: "sonnet", permissions: { allow: ["Bash(npm test)"] } }, null, 2) + "\n";
    await writeFile(settings, original);
    const install = await runCli(["hook", "install", "--project"], "", env, project);
    expect(install.code).toBe(0);
    expect(install.stderr).toMatch(
      /^added the agentroute UserPromptSubmit hook to \.claude\/settings\.json \(backup: settings\.json\.bak-\d{8}T\d{9}Z\)\n$/,
    );
    const installed = JSON.parse(await readFile(settings, "utf8")) as {
      hooks: { UserPromptSubmit: { hooks: { command: string }[] }[] };
    };
    // The built CLI writes the shell form: curl to its server's link, else its own small hook entry.
    const hookDir = path.join(path.dirname(CLI), "..", "hook");
    expect(installed.hooks.UserPromptSubmit[0]!.hooks[0]!.command).toBe(
      hookShellCommand(process.execPath, path.join(hookDir, "fast-hook.cjs"), [], hookAliasName(hookDir)),
    );
    expect((await runCli(["hook", "install"], "", env, project)).stderr).toContain("already in");
    const uninstall = await runCli(["hook", "uninstall", "--project"], "", env, project);
    expect(uninstall.code).toBe(0);
    expect(await readFile(settings, "utf8")).toBe(original);
  }, 30_000);

  it("install --user writes ~/.claude/settings.json; a malformed one is an error (exit 2) and untouched", async () => {
    const userSettings = path.join(home, ".claude", "settings.json");
    await writeFile(userSettings, "{ broken");
    const run = await runCli(["hook", "install", "--user"], "", env, project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not valid JSON");
    expect(await readFile(userSettings, "utf8")).toBe("{ broken");
  }, 30_000);
});
