/**
 * Hook latency: wall time of `agentroute hook` as Claude Code runs it (a fresh process per
 * prompt, hook JSON on stdin), cold (empty cache) and warm (cache filled), in every mode.
 * Each warm run is followed by a bare `node -e 0`, so the hook and the floor of any Node hook
 * are sampled side by side under the same machine load (the target: the server mode's p50
 * within 1.5 × node's). Run alone with `node dist/bench/hook-latency.js [runs]`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** keyword: `--no-embeddings`; embeddings: with the hook server (the default); "embeddings, no server": `--no-server`. */
export type HookMode = "keyword" | "embeddings" | "embeddings, no server";

const MODE_ARGS: Record<HookMode, string[]> = {
  keyword: ["--no-embeddings"],
  embeddings: [],
  "embeddings, no server": ["--no-server"],
};

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
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/dispatch");

/** Times the built hook on the fixture agents: one cold run, then `runs` warm ones. */
export function measureHookLatency(cli: string, mode: HookLatency["mode"], runs: number): HookLatency {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-hookbench-"));
  try {
    const project = path.join(dir, "project");
    cpSync(path.join(FIXTURES, "hook-project"), project, { recursive: true });
    mkdirSync(path.join(dir, "home", ".claude"), { recursive: true });
    cpSync(path.join(FIXTURES, "hook-user", "agents"), path.join(dir, "home", ".claude", "agents"), {
      recursive: true,
    });
    const input = JSON.stringify({
      session_id: "bench",
      cwd: project,
      hook_event_name: "UserPromptSubmit",
      prompt: "Please review my pull request before I merge it",
    });
    const args = [cli, "hook", ...MODE_ARGS[mode]];
    const env = { PATH: process.env.PATH, HOME: path.join(dir, "home") };
    const once = () => {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, args, { input, env, encoding: "utf8" });
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, output: run.stdout };
    };
    const cold = once();
    // The cold run started the server; the next prompt comes seconds later in real use.
    if (mode === "embeddings") waitForServer(path.join(dir, "home", ".claude", "agentroute"));
    const warm: { ms: number; output: string }[] = [];
    const node: number[] = [];
    for (let i = 0; i < runs; i++) {
      warm.push(once());
      const started = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"], { env });
      node.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    if (mode === "embeddings") spawnSync(process.execPath, [cli, "hook", "--stop-server"], { env });
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
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Polls (up to 60 s) until a hook server in `folder` answers a ping. */
function waitForServer(folder: string): void {
  const ping = `const net=require("net"),fs=require("fs"),p=require("path");const f=fs.readdirSync(${JSON.stringify(folder)}).find(x=>x.endsWith(".sock"));if(!f)process.exit(1);const c=net.createConnection({path:p.join(${JSON.stringify(folder)},f)},()=>c.write('{"op":"ping"}\\n'));c.on("data",()=>process.exit(0));c.on("error",()=>process.exit(1));`;
  for (let i = 0; i < 240; i++) {
    if (spawnSync(process.execPath, ["-e", ping]).status === 0) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
}

/** One line per mode, with bare node's time beside it. */
export function renderHookLatency(results: HookLatency[]): string {
  const lines = results.map(
    (r) =>
      `hook ${r.mode.padEnd(10)} cold ${String(r.coldMs).padStart(5)} ms   warm median ${String(r.warm.medianMs).padStart(5)} ms ` +
      `(min ${r.warm.minMs}, max ${r.warm.maxMs}, n=${r.warm.runs})   node -e 0 ${r.nodeMedianMs} ms   ${r.ratio} x node`,
  );
  return `${lines.join("\n")}\nload average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")} on ${os.cpus().length} CPUs\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const runs = Number(process.argv[2] ?? 10);
  const cli = path.join(ROOT, "dist/src/cli/main.js");
  process.stdout.write(
    renderHookLatency(
      (["keyword", "embeddings", "embeddings, no server"] as const).map((mode) => measureHookLatency(cli, mode, runs)),
    ),
  );
}
