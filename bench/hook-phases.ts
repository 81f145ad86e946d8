/**
 * Where a hook run's time goes, phase by phase, in a fresh process like the real hook:
 * loading the routing modules, reading the agents, loading the model (embeddings mode),
 * building the index from the cache, routing. `node dist/bench/hook-phases.js CACHE_DIR
 * [keyword]` prints one JSON line; `measureHookPhases` runs it twice (fill, then measure).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { msSince } from "./util/stats.js";

export interface HookPhases {
  mode: "embeddings" | "keyword";
  /** Importing the hook's modules (router, lexicon, natural, the embedding back end's JS). */
  importMs: number;
  loadAgentsMs: number;
  /** Creating the embedder and its first call (0 in keyword mode). */
  modelMs: number;
  /** buildIndex with a warm cache. */
  indexMs: number;
  routeMs: number;
}

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/dispatch");

async function runPhases(cacheDir: string, embeddings: boolean): Promise<HookPhases> {
  let start = process.hrtime.bigint();
  const [
    { loadHookAgents },
    { createEmbedder },
    { buildIndex },
    { createRouter },
    { resolveConfig },
    { innerEmbedder },
  ] = await Promise.all([
    import("../src/hook/agents.js"),
    import("../src/embed/registry.js"),
    import("../src/indexing/build.js"),
    import("../src/classify/router.js"),
    import("../src/classify/config.js"),
    import("./speed-sets.js"),
  ]);
  const importMs = msSince(start);
  start = process.hrtime.bigint();
  const set = await loadHookAgents(path.join(FIXTURES, "hook-project"), {
    CLAUDE_CONFIG_DIR: path.join(FIXTURES, "hook-user"),
  });
  const loadAgentsMs = msSince(start);
  start = process.hrtime.bigint();
  const embedder = embeddings ? await createEmbedder({ cacheDir }, { warn: () => {} }) : null;
  await innerEmbedder(embedder)?.embed(["warm-up"]);
  const modelMs = embeddings ? msSince(start) : 0;
  start = process.hrtime.bigint();
  const index = await buildIndex(set!, { embedder, cacheDir, warn: () => {} });
  const indexMs = msSince(start);
  start = process.hrtime.bigint();
  await createRouter(index, resolveConfig({})).route("Please review my pull request before I merge it");
  const routeMs = msSince(start);
  await embedder?.dispose();
  return { mode: embeddings ? "embeddings" : "keyword", importMs, loadAgentsMs, modelMs, indexMs, routeMs };
}

/**
 * The phases of a warm hook run in `mode` (a first run fills `cacheDir`).
 *
 * @example
 * measureHookPhases(tmpDir, "keyword").importMs // e.g. 420
 */
export function measureHookPhases(cacheDir: string, mode: HookPhases["mode"]): HookPhases {
  const args = [fileURLToPath(import.meta.url), cacheDir, ...(mode === "keyword" ? ["keyword"] : [])];
  let line = "";
  for (let run = 0; run < 2; run++) {
    const child = spawnSync(process.execPath, args, { encoding: "utf8" });
    line = child.stdout.trim().split("\n").at(-1) ?? "";
    if (child.status !== 0 || !line.startsWith("{"))
      throw new Error(`hook phases child failed (exit ${child.status}): ${child.stderr.slice(-2000)}`);
  }
  return JSON.parse(line) as HookPhases;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [cacheDir, mode] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify(await runPhases(cacheDir!, mode !== "keyword"))}\n`);
}
