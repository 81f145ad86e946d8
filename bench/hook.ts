/**
 * (i) Hook latency (bench/hook-latency.ts) with what a fresh process costs before any
 * routing: bare node start-up and the CLI answering `--version` (module loading).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureHookLatency, type HookLatency } from "./hook-latency.js";
import { measureHookPhases, type HookPhases } from "./hook-phases.js";
import { ROOT } from "./sets.js";
import { msSince, summarizeTimes } from "./util/stats.js";
import { renderTable } from "./util/table.js";

export interface HookBench {
  latencies: HookLatency[];
  /** Median `node -e 0`: the floor of any command hook written in Node. */
  nodeStartMs: number;
  /** Median `agentroute --version`: start-up plus loading the CLI's modules. */
  cliStartMs: number;
  /** Where a warm run's time goes, per mode. */
  phases: HookPhases[];
}

const CLI = path.join(ROOT, "dist/src/cli/main.js");

function medianSpawn(args: string[], runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { encoding: "utf8" });
    return msSince(start);
  });
  return summarizeTimes(times).p50;
}

/**
 * Measures the built hook in both modes, `runs` warm runs each.
 *
 * @example
 * renderHook(runHookBench(10))
 */
export function runHookBench(runs: number): HookBench {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-hookphases-"));
  let phases: HookPhases[];
  try {
    phases = [measureHookPhases(dir, "keyword"), measureHookPhases(dir, "embeddings")];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    phases,
    latencies: (["keyword", "embeddings", "embeddings, no server"] as const).map((mode) =>
      measureHookLatency(CLI, mode, runs),
    ),
    nodeStartMs: medianSpawn(["-e", "0"], runs),
    cliStartMs: medianSpawn([CLI, "--version"], runs),
  };
}

/** The hook table with its budget (300 ms warm, 2 s cold) and the start-up floor. */
export function renderHook(h: HookBench): string {
  const rows = h.latencies.map((l) => [
    `hook, ${l.mode}`,
    String(l.coldMs),
    `${l.warm.medianMs} (${l.warm.minMs}–${l.warm.maxMs})`,
    l.warm.medianMs < 300 && l.coldMs < 2000 ? "yes" : "NO",
  ]);
  rows.push(["node -e 0 (process floor)", "", String(Math.round(h.nodeStartMs)), ""]);
  rows.push(["agentroute --version (module loading)", "", String(Math.round(h.cliStartMs)), ""]);
  const phases = renderTable(
    ["warm hook phase (ms)", ...h.phases.map((p) => p.mode)],
    (["importMs", "loadAgentsMs", "modelMs", "indexMs", "routeMs"] as const).map((k) => [
      k.replace(/Ms$/, ""),
      ...h.phases.map((p) => String(Math.round(p[k]))),
    ]),
  );
  return `Fresh process per prompt, hook JSON on stdin, fixture agents (tests/fixtures/dispatch); target < 300 ms warm, < 2 s cold.\n\n${renderTable(["command", "cold (ms)", "warm median (min–max) (ms)", "met"], rows)}\n\nWhere a warm run goes (in-process timers in a fresh process; import = loading the routing modules, model = creating the embedder and its first call):\n\n${phases}`;
}
