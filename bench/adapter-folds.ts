/**
 * Adapters for leave-one-collection-out: one trained on the whole corpus and one without each
 * corpus collection, cached on disk (the bench cache folder, keyed by the corpus bytes and the
 * training options) so that re-running the bench does not retrain them.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Embedder } from "../src/embed/types.js";
import type { Adapter } from "../src/indexing/adapter.js";
import { trainAdapter, TRAIN_DEFAULTS, type TrainGroup, type TrainOptions } from "./adapter-train.js";
import { trainingGroups } from "./adapter-data.js";
import { corpusFiles } from "./corpus.js";
import { ROOT } from "./sets.js";

export interface FoldAdapters {
  all: Adapter;
  /** The adapter trained without `collection`; null when it is not a corpus collection. */
  without(collection: string | null): Adapter | null;
}

function cacheKey(options: TrainOptions, leftOut: string): string {
  const h = createHash("sha256").update(JSON.stringify(options)).update(leftOut);
  for (const f of corpusFiles()) h.update(f.file).update(readFileSync(f.file));
  return h.digest("hex").slice(0, 16);
}

export function trainCached(groups: readonly TrainGroup[], leftOut: string, options: TrainOptions): Adapter {
  const dir = path.join(process.env.AGENTROUTE_CACHE_DIR ?? path.join(ROOT, ".agentroute-cache"), "adapters");
  const file = path.join(dir, `${cacheKey(options, leftOut)}.json`);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, "utf8")) as Omit<Adapter, "a" | "b" | "noneVector"> &
      Record<"a" | "b" | "noneVector", number[]>;
    return { ...j, a: Float32Array.from(j.a), b: Float32Array.from(j.b), noneVector: Float32Array.from(j.noneVector) };
  }
  const t0 = Date.now();
  const model = trainAdapter(
    groups.filter((g) => g.collection !== leftOut),
    options,
  );
  console.error(`adapter without ${leftOut || "nothing"}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ ...model, a: [...model.a], b: [...model.b], noneVector: [...model.noneVector] }),
  );
  return model;
}

export async function foldAdapters(embedder: Embedder, options: TrainOptions = TRAIN_DEFAULTS): Promise<FoldAdapters> {
  const groups = await trainingGroups(embedder);
  const all = trainCached(groups, "", options);
  const folds = new Map(groups.map((g) => [g.collection, trainCached(groups, g.collection, options)]));
  return { all, without: (c) => (c ? (folds.get(c) ?? null) : null) };
}
