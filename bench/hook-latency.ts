/**
 * Hook latency: wall time of the hook command `hook install` writes, run through `/bin/sh -c`
 * with the hook JSON on stdin as Claude Code runs it, a fresh process per prompt: cold (no
 * server yet) and warm. keyword and embeddings are the shell form (curl asks the server, the
 * Node client answers the rest); "embeddings, Node client" is that fallback alone (the form
 * older installs wrote); "embeddings, no server" the Node form `hook install --no-server` writes. Every warm run is paired with a bare
 * `node -e 0` (their order alternating), so the hook and the floor of any Node hook are sampled
 * side by side under the same machine load; the target is the server modes' p50 within
 * 1.5 × node's. Each warm run routes a different prompt (a server that remembered the last
 * prompt's vector would otherwise be timed, not the embedding). Run alone with
 * `node dist/bench/hook-latency.js [runs]`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hookAliasName } from "../src/hook/server-lock.js";
import { hookCommand, hookShellCommand } from "../src/hook/command.js";

/** The rows: which command `hook install` writes for each (see commandFor). */
export type HookMode = "keyword" | "embeddings" | "embeddings, Node client" | "embeddings, no server";

export const HOOK_MODES = ["keyword", "embeddings", "embeddings, Node client", "embeddings, no server"] as const;

/** The modes the target is for: the command `hook install` writes, through the server. */
export const TARGET_MODES: readonly HookMode[] = ["keyword", "embeddings"];

/** The settings.json command of a mode, built by the code `hook install` uses. */
export function commandFor(entry: string, mode: HookMode): string {
  if (mode === "keyword") return hookShellCommand(process.execPath, entry, ["--no-embeddings"], hookAliasName());
  if (mode === "embeddings") return hookShellCommand(process.execPath, entry, [], hookAliasName());
  return hookCommand(process.execPath, entry, mode === "embeddings, no server" ? ["--no-server"] : []);
}

export interface HookLatency {
  mode: HookMode;
  coldMs: number;
  warm: { runs: number; medianMs: number; minMs: number; maxMs: number };
  /** Median `node -e 0`, each run right after a warm hook run. */
  nodeMedianMs: number;
  /** warm.medianMs / nodeMedianMs. */
  ratio: number;
  /** The hook's stdout on the last run (the additionalContext JSON). */
  output: string;
  /** Warm runs that printed a suggestion. */
  answered: number;
  /**
   * Where a warm run through the server goes (null without a server): the hook process alone
   * (a slash-command prompt: start, read stdin, nothing routed), and the server's round
   * trip for a new prompt asked from a running process (socket, agents' stat, embed, score).
   */
  parts: { clientMs: number; serverMs: number } | null;
}

/** The target for a warm hook through its server: p50 within 1.5 × a bare node start. */
export const MAX_SERVER_HOOK_RATIO = 1.5;

/** What a user might type; a warm run takes the next one (numbered past the end of the list). */
const PROMPTS = [
  "Please review my pull request before I merge it",
  "write unit tests for the payment service",
  "add a migration that renames the users.email column",
  "the docs for the CLI flags are out of date, update them",
  "can you check this diff for bugs before I push",
  "our integration tests are flaky on CI, make them reliable",
  "create an index on orders.created_at without locking the table",
  "explain what this regex does",
  "review the error handling in src/server.ts",
  "document the new config options in the README",
  "backfill the new status column for existing rows",
  "add property-based tests for the parser",
];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/dispatch");
/** The command `hook install` writes runs this file. */
export const HOOK_ENTRY = path.join(ROOT, "dist/src/hook/fast-hook.cjs");

/** Times the built hook on the fixture agents: one cold run, then `runs` warm ones. */
export function measureHookLatency(entry: string, mode: HookLatency["mode"], runs: number): HookLatency {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-hookbench-"));
  try {
    const project = path.join(dir, "project");
    cpSync(path.join(FIXTURES, "hook-project"), project, { recursive: true });
    mkdirSync(path.join(dir, "home", ".claude"), { recursive: true });
    cpSync(path.join(FIXTURES, "hook-user", "agents"), path.join(dir, "home", ".claude", "agents"), {
      recursive: true,
    });
    const command = commandFor(entry, mode);
    const env = { PATH: process.env.PATH, HOME: path.join(dir, "home") };
    // i = -1: a slash command, which the client answers alone.
    const once = (i: number) => {
      const prompt = i < 0 ? "/clear" : i < PROMPTS.length ? PROMPTS[i]! : `${PROMPTS[i % PROMPTS.length]!} (${i})`;
      const input = JSON.stringify({ session_id: "bench", cwd: project, hook_event_name: "UserPromptSubmit", prompt });
      const started = process.hrtime.bigint();
      const run = spawnSync("/bin/sh", ["-c", command], { input, env, encoding: "utf8" });
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, output: run.stdout };
    };
    const nodeOnce = () => {
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"], { env });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const cold = once(0);
    const served = mode !== "embeddings, no server";
    // The cold run started the server; the next prompt comes seconds later in real use, and
    // the first one the server sees builds the project's index.
    if (served) {
      waitForServer(path.join(dir, "home", ".claude", "agentroute"));
      // Until the server has built the index and answers (it says "warming" before that).
      for (let i = 0; i < 120 && once(0).output === ""; i++)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
    const warm: { ms: number; output: string }[] = [];
    const node: number[] = [];
    const client: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 1) node.push(nodeOnce());
      warm.push(once(i + 1));
      if (i % 2 === 0) node.push(nodeOnce());
      if (served) client.push(once(-1).ms);
    }
    const parts = served
      ? { clientMs: Math.round(median(client.sort((a, b) => a - b))), serverMs: roundTrip(env, project, mode, runs) }
      : null;
    if (served) spawnSync(process.execPath, [entry, "hook", "--stop-server"], { env });
    const times = warm.map((w) => w.ms).sort((a, b) => a - b);
    const medianMs = median(times);
    const nodeMedianMs = median(node.sort((a, b) => a - b));
    return {
      mode,
      coldMs: Math.round(cold.ms),
      warm: { runs, medianMs: Math.round(medianMs), minMs: Math.round(times[0]!), maxMs: Math.round(times.at(-1)!) },
      nodeMedianMs: Math.round(nodeMedianMs),
      ratio: Math.round((medianMs / nodeMedianMs) * 100) / 100,
      output: warm.at(-1)?.output ?? cold.output,
      answered: warm.filter((w) => w.output !== "").length,
      parts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Median server round trip for `runs` new prompts, asked one after another from one process. */
function roundTrip(env: NodeJS.ProcessEnv, project: string, mode: HookMode, runs: number): number {
  const client = JSON.stringify(path.join(ROOT, "dist/src/hook/client.cjs"));
  const script = `const c=require(${client});const s=c.hookSocketPath(c.hookHome(process.env));(async()=>{const t=[];for(let i=0;i<${runs};i++){const a=performance.now();await c.askHookServer(s,{op:"route",prompt:"round trip "+i+" "+${JSON.stringify(PROMPTS[1])},projectDir:${JSON.stringify(project)},embeddings:${mode !== "keyword"}},5000);t.push(performance.now()-a)}t.sort((x,y)=>x-y);process.stdout.write(String(t[Math.floor((t.length-1)/2)]))})()`;
  return Math.round(Number(spawnSync(process.execPath, ["-e", script], { env, encoding: "utf8" }).stdout) * 10) / 10;
}

/** Polls (up to 60 s) until a hook server in `folder` answers a ping. */
function waitForServer(folder: string): void {
  const ping = `const net=require("net"),fs=require("fs"),p=require("path");const f=fs.readdirSync(${JSON.stringify(folder)}).find(x=>x.endsWith(".sock"));if(!f)process.exit(1);const c=net.createConnection({path:p.join(${JSON.stringify(folder)},f)},()=>c.write('{"op":"ping"}\\n'));c.on("data",()=>process.exit(0));c.on("error",()=>process.exit(1));`;
  for (let i = 0; i < 240; i++) {
    if (spawnSync(process.execPath, ["-e", ping]).status === 0) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

/** One line per mode, with bare node's time beside it, and the target. */
export function renderHookLatency(results: HookLatency[]): string {
  const lines = results.map(
    (r) =>
      `hook ${r.mode.padEnd(10)} cold ${String(r.coldMs).padStart(5)} ms   warm median ${String(r.warm.medianMs).padStart(5)} ms ` +
      `(min ${r.warm.minMs}, max ${r.warm.maxMs}, n=${r.warm.runs}, ${r.answered} suggested)   node -e 0 ${r.nodeMedianMs} ms   ${r.ratio} x node` +
      (r.parts ? `   [hook alone ${r.parts.clientMs} ms, server round trip ${r.parts.serverMs} ms]` : ""),
  );
  const target = results
    .filter((r) => TARGET_MODES.includes(r.mode))
    .map((r) => `${r.mode} ${r.ratio <= MAX_SERVER_HOOK_RATIO ? "met" : "NOT met"}`);
  return `${lines.join("\n")}\ntarget: warm hook through the server, p50 <= ${MAX_SERVER_HOOK_RATIO} x node -e 0: ${target.join(", ")}\nload average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} on ${os.cpus().length} CPUs\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const runs = Number(process.argv[2] ?? 10);
  process.stdout.write(renderHookLatency(HOOK_MODES.map((mode) => measureHookLatency(HOOK_ENTRY, mode, runs))));
}
