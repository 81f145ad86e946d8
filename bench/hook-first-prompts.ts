/**
 * The installed hook on a real 100+-agent set from a cold start: a fresh process per prompt,
 * one prompt a second, no server and an empty cache at first. Every prompt must come back
 * within Claude Code's 10 s hook timeout (the budget is about a second), and suggestions
 * start once the background server has built the index.
 * Run alone with `node dist/bench/hook-first-prompts.js [seconds]`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, SHARED } from "./sets.js";

export interface FirstPrompts {
  set: string;
  agents: number;
  /** Wall time of each prompt, in order. */
  promptMs: number[];
  /** Seconds from the first prompt to the first one answered with a suggestion (null: none within the run). */
  firstSuggestionS: number | null;
}

const HOOK_TIMEOUT_MS = 10_000;

/** Sends one prompt a second to the built hook for up to `seconds`, on `setDir`'s agents. */
export function measureFirstPrompts(setDir: string, seconds: number): FirstPrompts {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-firstprompts-"));
  // What `hook install` writes runs this entry (it hands `--stop-server` on to the CLI).
  const cli = path.join(ROOT, "dist/src/hook/fast-hook.cjs");
  const env = { PATH: process.env.PATH, HOME: path.join(dir, "home") };
  try {
    const agents = path.join(dir, "project", ".claude", "agents");
    mkdirSync(agents, { recursive: true });
    const files = readdirSync(setDir).filter((f) => f.endsWith(".md") && !/^(readme|licen[cs]es?)\.md$/i.test(f));
    for (const f of files) cpSync(path.join(setDir, f), path.join(agents, f));
    const input = JSON.stringify({
      session_id: "bench",
      cwd: path.join(dir, "project"),
      hook_event_name: "UserPromptSubmit",
      prompt: "my react component re-renders on every keystroke, how do I memoize it",
    });
    const promptMs: number[] = [];
    const started = Date.now();
    let firstSuggestionS: number | null = null;
    while (Date.now() - started < seconds * 1000 && firstSuggestionS === null) {
      const t = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [cli, "hook"], {
        input,
        env,
        encoding: "utf8",
        timeout: HOOK_TIMEOUT_MS,
      });
      promptMs.push(Math.round(Number(process.hrtime.bigint() - t) / 1e6));
      if (run.stdout.includes("additionalContext")) firstSuggestionS = (Date.now() - started) / 1000;
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
    spawnSync(process.execPath, [cli, "hook", "--stop-server"], { env });
    return { set: path.basename(setDir), agents: files.length, promptMs, firstSuggestionS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line: first prompt, slowest prompt, when suggestions started. */
export function renderFirstPrompts(r: FirstPrompts): string {
  const slowest = Math.max(...r.promptMs);
  const met = slowest < HOOK_TIMEOUT_MS ? "yes" : "NO";
  const first = r.firstSuggestionS === null ? "none within the run" : `after ${r.firstSuggestionS.toFixed(1)} s`;
  return (
    `hook first prompts, ${r.set} (${r.agents} agents, cold): first ${r.promptMs[0]} ms, slowest ${slowest} ms of ${r.promptMs.length}, ` +
    `within the ${HOOK_TIMEOUT_MS / 1000} s timeout: ${met}; first suggestion ${first}; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs\n`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const seconds = Number(process.argv[2] ?? 180);
  process.stdout.write(
    renderFirstPrompts(measureFirstPrompts(path.join(SHARED, "agent-sets/0xfurai-subagents"), seconds)),
  );
}
