/**
 * `npm run bench`: quality on every labeled set, peers on BANKING77, speed and memory, hook
 * latency. Prints Markdown tables and writes every figure to reports/bench.json.
 *
 *   node dist/bench/main.js [--quick] [--only quality|peers|speed|hook[,…]] [--out FILE]
 *
 * `--quick` is a smoke run (about a minute): fewer sets, prompts and agent counts.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderHook, runHookBench } from "./hook.js";
import { measureFirstPrompts, renderFirstPrompts, type FirstPrompts } from "./hook-first-prompts.js";
import { renderPeers, runPeers } from "./peers/run-peers.js";
import { renderQuality, runQuality } from "./quality.js";
import { ROOT, SHARED } from "./sets.js";
import { checkSpeedTargets, renderSpeed } from "./speed-render.js";
import { runSpeed } from "./speed.js";
import { describeMachine } from "./util/machine.js";
import { heading } from "./util/table.js";

const PARTS = ["quality", "peers", "speed", "hook"] as const;

/** A mistake in the bench's own arguments: exit code 2, one line, no stack. */
class BenchUsageError extends Error {}
type Part = (typeof PARTS)[number];

function parseCli(argv: string[]): { quick: boolean; parts: Part[]; out: string } {
  const { values } = parseArgs({
    strict: true,
    args: argv,
    options: { quick: { type: "boolean", default: false }, only: { type: "string" }, out: { type: "string" } },
  });
  const asked = values.only ? values.only.split(",").map((s) => s.trim()) : [...PARTS];
  const bad = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (bad.length > 0)
    throw new BenchUsageError(`--only: unknown part "${bad.join(", ")}"; valid parts: ${PARTS.join(", ")}`);
  return {
    quick: values.quick,
    parts: PARTS.filter((p) => asked.includes(p)),
    out: path.resolve(values.out ?? path.join(ROOT, "reports/bench.json")),
  };
}

async function main(): Promise<void> {
  const { quick, parts, out } = parseCli(process.argv.slice(2));
  const machine = describeMachine();
  const log = (line: string) => void process.stderr.write(`[bench] ${line}\n`);
  const print = (text: string) => void process.stdout.write(`${text}\n`);
  const started = Date.now();
  print(
    `# agentroute bench${quick ? " (quick)" : ""}\n\n${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, load average ${machine.loadAverage.join(" ")}, ${machine.date}`,
  );
  const figures: Record<string, unknown> = {};
  if (parts.includes("quality")) {
    figures.quality = await runQuality({ quick, log });
    print(heading("Quality") + renderQuality(figures.quality as Awaited<ReturnType<typeof runQuality>>));
  }
  if (parts.includes("peers")) {
    figures.peers = await runPeers({ quick, log });
    print(heading("Peers on BANKING77") + renderPeers(figures.peers as Awaited<ReturnType<typeof runPeers>>));
  }
  if (parts.includes("speed")) {
    const speed = await runSpeed({ quick, log });
    figures.speed = { ...speed, targets: checkSpeedTargets(speed) };
    print(heading("Speed") + renderSpeed(speed));
  }
  if (parts.includes("hook")) {
    figures.hook = runHookBench(quick ? 2 : 10);
    print(heading("Hook latency") + renderHook(figures.hook as ReturnType<typeof runHookBench>));
    const realSet = path.join(SHARED, "agent-sets/0xfurai-subagents");
    if (!quick && existsSync(realSet)) {
      figures.hookFirstPrompts = measureFirstPrompts(realSet, 240);
      print(renderFirstPrompts(figures.hookFirstPrompts as FirstPrompts));
    }
  }
  const finished = {
    ...machine,
    loadAverageAtEnd: describeMachine().loadAverage,
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ schemaVersion: 1, quick, parts, machine: finished, ...figures }, null, 2)}\n`);
  print(
    `\nwall time ${finished.wallSeconds} s; load average at the end ${finished.loadAverageAtEnd.join(" ")}; figures in ${path.relative(process.cwd(), out) || out}`,
  );
}

main().catch((err: unknown) => {
  // node:util parseArgs rejects unknown flags with a TypeError carrying an ERR_PARSE_ARGS_* code.
  const code = (err as { code?: string }).code ?? "";
  if (err instanceof BenchUsageError || code.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(
      `bench: ${(err as Error).message}\nusage: node dist/bench/main.js [--quick] [--only ${PARTS.join("|")}[,…]] [--out FILE]\n`,
    );
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
