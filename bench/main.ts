/**
 * `npm run bench`: quality on every labeled set, peers on BANKING77, speed and memory, hook
 * latency. Prints Markdown tables, writes every figure to reports/bench.json and each part's
 * tables into its generated section of docs/quality.md or docs/speed.md.
 *
 *   node dist/bench/main.js [--quick] [--only quality|peers|speed|hook[,…]] [--out FILE] [--docs DIR]
 *
 * `--quick` is a smoke run (about a minute): fewer sets, prompts and agent counts; it writes
 * no docs unless `--docs DIR` is given (quick figures are not the documented ones).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderHook, runHookBench } from "./hook.js";
import { measureFirstPrompts, renderFirstPrompts, type FirstPrompts } from "./hook-first-prompts.js";
import { renderPeers, runPeers } from "./peers/run-peers.js";
import { renderQuality, runQuality } from "./quality.js";
import { DocSectionError, replaceSection, writeSections } from "../scripts/doc-sections.js";
import { ROOT, SHARED } from "./sets.js";
import { checkSpeedTargets, renderSpeed } from "./speed-render.js";
import { runSpeed } from "./speed.js";
import { describeMachine, type MachineInfo } from "./util/machine.js";
import { heading } from "./util/table.js";

const PARTS = ["quality", "peers", "speed", "hook"] as const;

/**
 * The docs file each part's tables go to, in the section named after the part
 * (`<!-- generated:quality -->` … in docs/quality.md). A new part adds one line here and the
 * two marker lines in its file.
 */
const PART_DOCS = {
  quality: "quality.md",
  peers: "quality.md",
  speed: "speed.md",
  hook: "speed.md",
} satisfies Record<Part, string>;

/** A mistake in the bench's own arguments: exit code 2, one line, no stack. */
class BenchUsageError extends Error {}
type Part = (typeof PARTS)[number];

interface BenchArgs {
  quick: boolean;
  parts: Part[];
  out: string;
  /** Where docs/quality.md and docs/speed.md are; null: write no docs. */
  docs: string | null;
}

function parseCli(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    strict: true,
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      out: { type: "string" },
      docs: { type: "string" },
    },
  });
  const asked = values.only ? values.only.split(",").map((s) => s.trim()) : [...PARTS];
  const bad = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (bad.length > 0)
    throw new BenchUsageError(`--only: unknown part "${bad.join(", ")}"; valid parts: ${PARTS.join(", ")}`);
  return {
    quick: values.quick,
    parts: PARTS.filter((p) => asked.includes(p)),
    out: path.resolve(values.out ?? path.join(ROOT, "reports/bench.json")),
    docs: values.docs !== undefined ? path.resolve(values.docs) : values.quick ? null : path.join(ROOT, "docs"),
  };
}

/** The first line of every generated docs section: what the figures were measured on. */
function measuredOn(m: MachineInfo): string {
  return `Written by \`npm run bench\` on ${m.date.slice(0, 10)}: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, load average ${m.loadAverage.join(" ")} at the start.`;
}

/** Fails before any measuring when a docs file lacks the section a part writes (not after 15 minutes). */
function checkDocs(dir: string, parts: readonly Part[]): void {
  for (const part of parts) {
    const file = path.join(dir, PART_DOCS[part]);
    replaceSection(readFileSync(file, "utf8"), part, "", file);
  }
}

/** Writes each part's tables into its docs section; returns one line saying what changed. */
function writeDocs(dir: string, rendered: Partial<Record<Part, string>>, machine: MachineInfo): string {
  const byFile = new Map<string, Record<string, string>>();
  for (const [part, body] of Object.entries(rendered) as [Part, string][]) {
    const file = path.join(dir, PART_DOCS[part]);
    byFile.set(file, { ...byFile.get(file), [part]: `${measuredOn(machine)}\n\n${body}` });
  }
  const lines = [...byFile].map(([file, bodies]) => {
    const changed = writeSections(file, bodies);
    return `${path.relative(process.cwd(), file) || file} (${changed.length > 0 ? changed.join(", ") : "unchanged"})`;
  });
  return `docs: ${lines.join("; ")}`;
}

async function main(): Promise<void> {
  const { quick, parts, out, docs } = parseCli(process.argv.slice(2));
  if (docs !== null) checkDocs(docs, parts);
  const machine = describeMachine();
  const log = (line: string) => void process.stderr.write(`[bench] ${line}\n`);
  const print = (text: string) => void process.stdout.write(`${text}\n`);
  const started = Date.now();
  print(
    `# agentroute bench${quick ? " (quick)" : ""}\n\n${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, load average ${machine.loadAverage.join(" ")}, ${machine.date}`,
  );
  const figures: Record<string, unknown> = {};
  const rendered: Partial<Record<Part, string>> = {};
  if (parts.includes("quality")) {
    const quality = await runQuality({ quick, log });
    figures.quality = quality;
    rendered.quality = renderQuality(quality);
    print(heading("Quality") + rendered.quality);
  }
  if (parts.includes("peers")) {
    const peers = await runPeers({ quick, log });
    figures.peers = peers;
    rendered.peers = renderPeers(peers);
    print(heading("Peers on BANKING77") + rendered.peers);
  }
  if (parts.includes("speed")) {
    const speed = await runSpeed({ quick, log });
    figures.speed = { ...speed, targets: checkSpeedTargets(speed) };
    rendered.speed = renderSpeed(speed);
    print(heading("Speed") + rendered.speed);
  }
  if (parts.includes("hook")) {
    const hook = runHookBench(quick ? 2 : 10);
    figures.hook = hook;
    rendered.hook = renderHook(hook);
    const realSet = path.join(SHARED, "agent-sets/0xfurai-subagents");
    if (!quick && existsSync(realSet)) {
      figures.hookFirstPrompts = measureFirstPrompts(realSet, 240);
      rendered.hook += `\n${renderFirstPrompts(figures.hookFirstPrompts as FirstPrompts)}`;
    }
    print(heading("Hook latency") + rendered.hook);
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
  if (docs !== null) print(writeDocs(docs, rendered, machine));
}

main().catch((err: unknown) => {
  // node:util parseArgs rejects unknown flags with a TypeError carrying an ERR_PARSE_ARGS_* code.
  const code = (err as { code?: string }).code ?? "";
  if (err instanceof DocSectionError) {
    process.stderr.write(`bench: ${err.message}\n`);
    process.exitCode = 2;
    return;
  }
  if (err instanceof BenchUsageError || code.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(
      `bench: ${(err as Error).message}\nusage: node dist/bench/main.js [--quick] [--only ${PARTS.join("|")}[,…]] [--out FILE] [--docs DIR]\n`,
    );
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
