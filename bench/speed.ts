/**
 * The speed section of `npm run bench`: builds (cold and warm, in child processes), the
 * embedding floor against a whole route, the rest of routing and keyword-only routing at
 * several agent counts, batch throughput, the BANKING77 eval wall time and peak memory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cachedEmbedder, VectorCache } from "../src/embed/cache.js";
import { createEmbedder } from "../src/embed/registry.js";
import type { Embedder } from "../src/embed/types.js";
import { buildIndex } from "../src/indexing/build.js";
import { measureBuild, type BuildFigures } from "./speed-build.js";
import { measureBankingEval, type EvalWallTime } from "./speed-eval.js";
import {
  measureBatch,
  measureFloorAndRoute,
  measureRest,
  readBenchPrompts,
  type BatchFigures,
  type FloorAndRoute,
} from "./speed-route.js";
import { buildSizedSet } from "./speed-sets.js";
import type { TimeSummary } from "./util/stats.js";

export interface SpeedOptions {
  quick: boolean;
  log: (line: string) => void;
}

export interface ScaleFigures {
  agents: number;
  pieces: number;
  source: string;
  cold: BuildFigures;
  warm: BuildFigures;
  /** (c) prepareQuery + score + decide with the vector given. */
  rest: TimeSummary;
  /** (d) a whole keyword-only route (no embedding). */
  keyword: TimeSummary;
}

export interface SpeedResult {
  prompts: number;
  /** Agent count the floor, route and batch figures were taken at. */
  floorAgents: number;
  floor: FloorAndRoute;
  scale: ScaleFigures[];
  batch: BatchFigures;
  bankingEval: EvalWallTime | null;
}

/**
 * Runs every speed measurement; `quick` keeps it to a smoke run (10 agents, 30 prompts, no
 * BANKING77 eval). Temporary cache folders are removed afterwards.
 *
 * @example
 * const speed = await runSpeed({ quick: true, log: console.error });
 */
export async function runSpeed(options: SpeedOptions): Promise<SpeedResult> {
  const counts = options.quick ? [10] : [10, 100, 500];
  const prompts = await readBenchPrompts(options.quick ? 30 : 200);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "agentroute-bench-"));
  const inner = await createEmbedder({ cacheDir: null }, { warn: () => {} });
  try {
    const scale: ScaleFigures[] = [];
    let floor: FloorAndRoute | null = null;
    let batch: BatchFigures | null = null;
    const floorAgents = options.quick ? 10 : 100;
    for (const count of counts) {
      options.log(`speed: ${count} agents (cold and warm builds in child processes)`);
      const dir = path.join(tmp, `n${count}`);
      const cold = measureBuild(count, dir, true);
      const warm = measureBuild(count, dir, true);
      const embedder = cacheIn(inner, dir);
      const { set, source } = await buildSizedSet(count);
      const index = await buildIndex(set, { embedder, cacheDir: dir, warn: () => {} });
      const keywordIndex = await buildIndex(set, { embedder: null, cacheDir: dir, warn: () => {} });
      options.log(`speed: ${count} agents: routing`);
      if (count === floorAgents) {
        floor = await measureFloorAndRoute(index, prompts);
        batch = await measureBatch(index, prompts);
      }
      scale.push({
        agents: count,
        pieces: index.pieces.length,
        source,
        cold,
        warm,
        rest: await measureRest(index, prompts),
        keyword: await measureRest(keywordIndex, prompts),
      });
    }
    options.log("speed: BANKING77 eval wall time");
    const bankingEval = options.quick ? null : await measureBankingEval(path.join(tmp, "banking77"));
    return { prompts: prompts.length, floorAgents, floor: floor!, scale, batch: batch!, bankingEval };
  } finally {
    await inner.dispose();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** One loaded model behind a vector cache per folder (so each count has its own cold cache). */
function cacheIn(inner: Embedder, dir: string): Embedder {
  return cachedEmbedder(inner, new VectorCache({ dir, embedderId: inner.id, dims: inner.dims }));
}
