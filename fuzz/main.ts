#!/usr/bin/env node
/**
 * `npm run fuzz`: feeds every reader of outside input thousands of mutated real files and
 * random ones, and checks that each returns, or fails with an AgentRouteError naming the
 * file and line, within a time limit. Prints a table; exits 1 on any failure, printing the
 * seed and fast-check's minimal counterexample so the failure can be replayed.
 *
 *   npm run fuzz -- --cases 10000 --seed 42 --only "agent file,dataset csv"
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { fuzzTarget, type FuzzResult } from "./run-target.js";
import { findRepoRoot, loadSeeds } from "./seeds.js";
import { FUZZ_TARGETS } from "./targets.js";

function readOptions() {
  const { values } = parseArgs({
    options: {
      cases: { type: "string", default: "10000" },
      seed: { type: "string" },
      only: { type: "string" },
      shared: { type: "string" },
      "time-limit": { type: "string", default: "1000" },
    },
  });
  const cases = Number(values.cases);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const timeLimitMs = Number(values["time-limit"]);
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed) || !(timeLimitMs > 0)) {
    throw new Error("usage: fuzz [--cases N] [--seed S] [--only 'reader,reader'] [--shared DIR] [--time-limit MS]");
  }
  const only = values.only?.split(",").map((s) => s.trim());
  const unknown = only?.filter((name) => !FUZZ_TARGETS.some((t) => t.name === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown reader(s): ${unknown.join(", ")}; readers: ${FUZZ_TARGETS.map((t) => t.name).join(", ")}`);
  const shared = values.shared ?? path.resolve(findRepoRoot(), "../shared");
  return { cases, seed, timeLimitMs, only, shared };
}

function renderTable(results: readonly (FuzzResult & { seconds: number })[]): string {
  const head = ["reader", "cases", "failures", "slowest ms", "seconds"];
  const rows = results.map((r) => [
    r.reader,
    String(r.cases),
    String(r.failures),
    r.slowestMs.toFixed(1),
    r.seconds.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

async function main(): Promise<number> {
  const options = readOptions();
  const seeds = await loadSeeds(options.shared);
  process.stdout.write(
    `fuzz: seed ${options.seed}, ${options.cases} cases per reader, time limit ${options.timeLimitMs} ms per case\n`,
  );
  process.stdout.write(
    `seeds: ${seeds.agentFiles.length} agent files, ${seeds.csvDatasets.length} CSV datasets, ${seeds.transcripts.length} transcripts (from ${seeds.sources.join(", ")})\n\n`,
  );
  const results: (FuzzResult & { seconds: number })[] = [];
  for (const target of FUZZ_TARGETS.filter((t) => !options.only || options.only.includes(t.name))) {
    const start = performance.now();
    const result = await fuzzTarget(target, seeds, options);
    results.push({ ...result, seconds: (performance.now() - start) / 1000 });
    process.stderr.write(`  ${target.name}: ${result.failures} failure(s)\n`);
  }
  const total = results.reduce((sum, r) => sum + r.failures, 0);
  process.stdout.write(`${renderTable(results)}\n\n`);
  for (const r of results.filter((x) => x.counterexample !== null)) {
    process.stdout.write(
      `--- ${r.reader} (replay: npm run fuzz -- --only "${r.reader}" --seed ${r.seed} --cases ${r.cases})\n${r.counterexample}\n\n`,
    );
  }
  const peak = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  process.stdout.write(
    `${results.reduce((s, r) => s + r.cases, 0)} cases, ${total} failure(s), rss ${peak} MiB, seed ${options.seed}\n`,
  );
  return total === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
