/**
 * Index build time and memory, measured in a fresh child process so that one measurement
 * cannot warm or bloat the next: `node dist/bench/speed-build.js COUNT CACHE_DIR [keyword]`
 * prints one JSON line (BuildFigures). `measureBuild` runs it and reads that line.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmbedder } from "../src/embed/registry.js";
import { buildIndex } from "../src/indexing/build.js";
import { createRouter } from "../src/classify/router.js";
import { resolveConfig } from "../src/classify/config.js";
import { readPeakRssMb } from "./util/machine.js";
import { msSince } from "./util/stats.js";
import { buildSizedSet, innerEmbedder } from "./speed-sets.js";

export interface BuildFigures {
  agents: number;
  pieces: number;
  source: string;
  /** Loading the embedding model and its first call (0 in keyword mode). */
  modelLoadMs: number;
  /** buildIndex alone: embedding the pieces (or reading them from the cache) and the head. */
  buildMs: number;
  /** After building and routing 20 prompts. */
  rssMb: number;
  heapUsedMb: number;
  /** Peak resident set of the whole process (VmHWM), the figure the 600 MB budget is about. */
  peakRssMb: number | null;
  /** What the embedder and index builder warned about (e.g. a cache they could not use). */
  warnings: string[];
}

const PROBES = [
  "the login page is slow",
  "write unit tests for the parser",
  "my card has not arrived",
  "deploy this to kubernetes",
];

async function runChild(count: number, cacheDir: string, embeddings: boolean): Promise<BuildFigures> {
  const { set, source } = await buildSizedSet(count);
  const warnings: string[] = [];
  const warn = (message: string) => void warnings.push(message);
  let start = process.hrtime.bigint();
  const embedder = embeddings ? await createEmbedder({ cacheDir }, { warn }) : null;
  // The model loads lazily on the first call: one uncached call here keeps it out of buildMs.
  await innerEmbedder(embedder)?.embed(["warm-up"]);
  const modelLoadMs = embeddings ? msSince(start) : 0;
  start = process.hrtime.bigint();
  const index = await buildIndex(set, { embedder, cacheDir, warn });
  const buildMs = msSince(start);
  const router = createRouter(index, resolveConfig({}));
  for (let i = 0; i < 20; i++) await router.route(PROBES[i % PROBES.length]!);
  const mem = process.memoryUsage();
  await embedder?.dispose();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    agents: set.agents.length,
    pieces: index.pieces.length,
    source,
    modelLoadMs,
    buildMs,
    rssMb: mb(mem.rss),
    heapUsedMb: mb(mem.heapUsed),
    peakRssMb: readPeakRssMb(),
    warnings,
  };
}

/**
 * Builds a `count`-agent index in a child process with `cacheDir` (empty = cold, filled = warm).
 *
 * @example
 * const cold = measureBuild(100, freshDir, true); cold.buildMs // e.g. 21000
 */
export function measureBuild(count: number, cacheDir: string, embeddings: boolean): BuildFigures {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [script, String(count), cacheDir, ...(embeddings ? [] : ["keyword"])], {
    encoding: "utf8",
    maxBuffer: 16 * 2 ** 20,
  });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !line.startsWith("{")) {
    throw new Error(`bench child for ${count} agents failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as BuildFigures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [count, cacheDir, mode] = process.argv.slice(2);
  const figures = await runChild(Number(count), cacheDir!, mode !== "keyword");
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
