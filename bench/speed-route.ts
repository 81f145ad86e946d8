/**
 * Per-prompt routing times on a built index: the embedding floor, the whole `route` call,
 * "the rest of routing" (everything but the embedding) and batch throughput.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { resolveConfig } from "../src/classify/config.js";
import { decide } from "../src/classify/decide.js";
import { prepareQuery } from "../src/classify/query.js";
import { createRouter } from "../src/classify/router.js";
import { createScorer } from "../src/classify/scorers/registry.js";
import { parseCsvRows } from "../src/inputs/dataset-csv.js";
import type { AgentIndex } from "../src/indexing/types.js";
import { innerEmbedder } from "./speed-sets.js";
import { LABELED_SETS, ROOT } from "./sets.js";
import { msSince, summarizeTimes, timeEach, type TimeSummary } from "./util/stats.js";

/** Unmeasured calls before each timed series (JIT, model, caches). */
const WARM_UP = 10;

/**
 * Up to `count` distinct prompts from the project's own software datasets (datasets/*.csv),
 * in file order: real prompts of the length users type.
 */
export async function readBenchPrompts(count: number): Promise<string[]> {
  const seen = new Set<string>();
  for (const set of LABELED_SETS.filter((s) => s.dataset.startsWith(path.join(ROOT, "datasets")))) {
    for (const row of parseCsvRows(await readFile(set.dataset, "utf8"), set.dataset)) seen.add(row.prompt);
  }
  return [...seen].slice(0, count);
}

export interface FloorAndRoute {
  /** (a) one bare embedding call of the prompt, uncached. */
  embed: TimeSummary;
  /** (b) `router.route(prompt)`, warm. */
  route: TimeSummary;
  /** route p50 / embed p50 (target ≤ 1.2). */
  ratioP50: number;
}

/** (a) and (b), interleaved prompt by prompt so that load on the machine hits both alike. */
export async function measureFloorAndRoute(index: AgentIndex, prompts: readonly string[]): Promise<FloorAndRoute> {
  const embedder = innerEmbedder(index.embedder);
  if (!embedder) throw new Error("measureFloorAndRoute needs an index built with an embedder");
  const router = createRouter(index, resolveConfig({}));
  for (const p of prompts.slice(0, WARM_UP)) {
    await embedder.embed([p]);
    await router.route(p);
  }
  const embedMs: number[] = [];
  const routeMs: number[] = [];
  for (const p of prompts) {
    embedMs.push(...(await timeEach([p], (x) => embedder.embed([x]))));
    routeMs.push(...(await timeEach([p], (x) => router.route(x))));
  }
  const embed = summarizeTimes(embedMs);
  const route = summarizeTimes(routeMs);
  return { embed, route, ratioP50: route.p50 / embed.p50 };
}

/**
 * (c)/(d) Routing without the embedding: prepareQuery + score + decide with a vector
 * computed beforehand (in keyword mode there is no vector, so this is the whole route).
 */
export async function measureRest(index: AgentIndex, prompts: readonly string[]): Promise<TimeSummary> {
  const config = resolveConfig({});
  const scorer = createScorer(index, config);
  // Uncached, so that the prompts stay new to the cache for measureBatch.
  const embedder = innerEmbedder(index.embedder);
  const vectors = embedder ? await embedder.embed(prompts) : prompts.map(() => null);
  const once = (i: number) => {
    const q = prepareQuery(index, prompts[i]!, vectors[i] ?? null);
    return decide(index, config, scorer, q, scorer.score(q));
  };
  for (let i = 0; i < Math.min(WARM_UP, prompts.length); i++) once(i);
  return summarizeTimes(
    await timeEach(
      prompts.map((_, i) => i),
      once,
    ),
  );
}

export interface BatchFigures {
  prompts: number;
  /** routeMany over prompts never embedded before (a fresh cache holds only the agents). */
  batchPerSecond: number;
  /** The same prompts through route() one by one. */
  oneByOnePerSecond: number;
}

/** (f) routeMany throughput against route() one by one, on prompts new to the cache. */
export async function measureBatch(index: AgentIndex, prompts: readonly string[]): Promise<BatchFigures> {
  const router = createRouter(index, resolveConfig({}));
  let start = process.hrtime.bigint();
  await router.routeMany(prompts);
  const batchMs = msSince(start);
  start = process.hrtime.bigint();
  for (const p of prompts) await router.route(p);
  const oneMs = msSince(start);
  return {
    prompts: prompts.length,
    batchPerSecond: (prompts.length * 1000) / batchMs,
    oneByOnePerSecond: (prompts.length * 1000) / oneMs,
  };
}
