/**
 * (i) Hook latency (bench/hook-latency.ts), each mode beside bare `node -e 0` on the same
 * machine at the same time, and the CLI answering `--version` (its fast path) likewise.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import {
  HOOK_ENTRY,
  HOOK_MODES,
  MAX_SERVER_HOOK_RATIO,
  TARGET_MODES,
  measureHookLatency,
  type HookLatency,
} from "./hook-latency.js";
import { ROOT } from "./sets.js";
import { msSince, summarizeTimes } from "./util/stats.js";
import { renderTable } from "./util/table.js";

export interface HookBench {
  latencies: HookLatency[];
  /** Median `agentroute --version` and `node -e 0`, run alternately. */
  version: { cliMs: number; nodeMs: number };
}

const CLI = path.join(ROOT, "dist/src/cli/main.js");

/** Medians of two commands run alternately `runs` times (both see the same machine load). */
function medianSpawnPair(a: string[], b: string[], runs: number): [number, number] {
  const times: [number[], number[]] = [[], []];
  const time = (args: string[]) => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { encoding: "utf8" });
    return msSince(start);
  };
  for (let i = 0; i < runs; i++) {
    times[0].push(time(a));
    times[1].push(time(b));
  }
  return [summarizeTimes(times[0]).p50, summarizeTimes(times[1]).p50];
}

export { MAX_SERVER_HOOK_RATIO };

/**
 * Measures the built hook in both modes, `runs` warm runs each.
 *
 * @example
 * renderHook(runHookBench(10))
 */
export function runHookBench(runs: number): HookBench {
  return {
    latencies: HOOK_MODES.map((mode) => measureHookLatency(HOOK_ENTRY, mode, runs)),
    version: (([cliMs, nodeMs]) => ({ cliMs, nodeMs }))(medianSpawnPair([CLI, "--version"], ["-e", "0"], runs)),
  };
}

/**
 * Whether a mode meets its target: the installed command through the server the 1.5 × node
 * ratio, no server 300 ms warm / 2 s cold; the Node client alone (the fallback) has none.
 */
function meetsTarget(l: HookLatency): string {
  if (TARGET_MODES.includes(l.mode)) return l.ratio <= MAX_SERVER_HOOK_RATIO ? "yes" : "NO";
  if (l.mode === "embeddings, no server") return l.warm.medianMs < 300 && l.coldMs < 2000 ? "yes" : "NO";
  return "";
}

/** The hook table: each mode beside bare node, with its target, and where a warm run goes. */
export function renderHook(h: HookBench): string {
  const rows = h.latencies.map((l) => [
    `hook, ${l.mode}`,
    String(l.coldMs),
    `${l.warm.medianMs} (${l.warm.minMs}–${l.warm.maxMs})`,
    String(l.nodeMedianMs),
    l.ratio.toFixed(2),
    meetsTarget(l),
  ]);
  const versionRatio = h.version.cliMs / h.version.nodeMs;
  rows.push([
    "agentroute --version",
    "",
    String(Math.round(h.version.cliMs)),
    String(Math.round(h.version.nodeMs)),
    versionRatio.toFixed(2),
    "",
  ]);
  const served = h.latencies.filter((l) => l.parts !== null);
  const parts = renderTable(
    ["warm run through the server (ms)", ...served.map((l) => l.mode)],
    [
      ["node -e 0", ...served.map((l) => String(l.nodeMedianMs))],
      ["hook process alone (slash command: nothing routed)", ...served.map((l) => String(l.parts!.clientMs))],
      ["server round trip (socket, agents' stat, embed, score)", ...served.map((l) => String(l.parts!.serverMs))],
      ["hook", ...served.map((l) => String(l.warm.medianMs))],
    ],
  );
  return `Fresh process per prompt, hook JSON on stdin, fixture agents (tests/fixtures/dispatch); the command \`hook install\` writes, run through \`/bin/sh -c\` (keyword and embeddings: the shell form, curl to the server; Node client: its fallback alone; no server: \`hook install --no-server\`); each warm run routes a new prompt and is paired with a bare \`node -e 0\`. Targets: the shell form through the server (keyword, embeddings) p50 within ${MAX_SERVER_HOOK_RATIO} × node; without a server < 300 ms warm, < 2 s cold.\n\n${renderTable(["command", "cold (ms)", "warm median (min–max) (ms)", "node -e 0 (ms)", "× node", "met"], rows)}\n\nWhere a warm run through the server goes (medians; the hook is about the hook process alone + the server round trip):\n\n${parts}`;
}
