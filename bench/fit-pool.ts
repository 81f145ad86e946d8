/**
 * The labeled tables the fusion is fitted on and checked with, shared by bench/fit-defaults.ts
 * and bench/loco.ts: the labeled sets of bench/sets.ts and the routing corpus (corpus/*.csv),
 * each with its feature table. The adapter's features are recomputed per use (withAdapter) with
 * an adapter trained without the row's collection, so no row is scored by what its own
 * collection's corpus taught.
 */
import { FEATURE_NAMES } from "../src/classify/scorers/features.js";
import { prepareAdapter, type Adapter } from "../src/indexing/adapter.js";
import { ADAPTER_FEATURES, adapterFeatures } from "../src/classify/scorers/adapter.js";
import { openRouter } from "../src/pipeline/open.js";
import { readDataset } from "../src/inputs/dataset.js";
import type { DatasetRow } from "../src/eval/types.js";
import type { AgentIndex } from "../src/indexing/types.js";
import { extractFeatureTable, type FeatureTable } from "../src/tune/feature-table.js";
import { collectionDir, corpusFiles, corpusRows, NONE_COLLECTION } from "./corpus.js";
import { LABELED_SETS, ROOT } from "./sets.js";
import { bankWithout } from "./build-bank.js";
import { exampleFolds } from "./example-folds.js";
import type { Bank } from "../src/indexing/bank.js";
import { createEmbedder } from "../src/embed/registry.js";
import type { Embedder } from "../src/embed/types.js";

export interface PoolTable {
  name: string;
  /** The agent collection the rows are for (null: an intent set or the example set). */
  collection: string | null;
  /** "fit": fitted on; "check": never fitted (example sets, held-out halves, unseen intents). */
  role: "fit" | "check";
  /** Whether the rows are corpus rows (else a labeled set of datasets/). */
  corpus: boolean;
  /** Keyword-only tables (no model: no embedding, adapter or bank features). */
  keyword?: boolean;
  table: FeatureTable;
  kinds: string[];
  index: AgentIndex;
  vectors: Float32Array[];
  /** The same rows in an index with another bank choice. */
  reopen: (bankChoice: BankChoice) => Promise<PoolTable>;
}

/** Collections of the labeled sets in bench/sets.ts. */
const SET_COLLECTION: Record<string, string> = {
  "claude-config-12": "claude-config-12",
  "claude-config-28": "claude-config-28",
  "wshobson-agents": "wshobson-agents",
  "voltagent-subagents": "voltagent-subagents",
  "vijaythecoder-agents": "vijaythecoder-agents",
};

/**
 * The corpus bank for a table's rows: without the rows' own collection, so no row is scored by
 * corpus prompts written for its own agents (an intent set or the example set: the shipped one).
 * null: no bank at all (the "before the corpus" side of leave-one-collection-out).
 */
export type BankChoice = (collection: string | null) => Promise<Bank | null | undefined>;

const banks = new Map<string, Promise<Bank>>();
let embedder: Promise<Embedder> | undefined;

export const bankWithoutOwn: BankChoice = async (collection) => {
  if (!collection) return undefined;
  let b = banks.get(collection);
  embedder ??= createEmbedder({}, { cwd: ROOT });
  if (!b) banks.set(collection, (b = embedder.then((e) => bankWithout(e, [collection]))));
  return b;
};

export async function tableOf(
  name: string,
  agentsDir: string,
  load: (agentNames: readonly string[]) => Promise<DatasetRow[]>,
  meta: Omit<PoolTable, "name" | "table" | "kinds" | "index" | "vectors" | "reopen">,
  bankChoice: BankChoice = bankWithoutOwn,
): Promise<PoolTable> {
  // Keyword mode has no bank (it needs the model), so none is made for it.
  const bank = meta.keyword ? undefined : await bankChoice(meta.collection);
  const opened = await openRouter({
    agentsDir,
    cwd: ROOT,
    embeddings: !meta.keyword,
    warn: () => {},
    ...(bank !== undefined && { bank }),
  });
  const rows = await load(opened.router.agentNames);
  const table = await extractFeatureTable(opened.index, rows);
  const vectors = opened.index.embedder ? await opened.index.embedder.embed(rows.map((r) => r.prompt)) : [];
  const reopen = (choice: BankChoice) => tableOf(name, agentsDir, load, meta, choice);
  const kinds = rows.map((r) => r.tags.kind ?? "");
  return { name, ...meta, table, kinds, index: opened.index, vectors, reopen };
}

/** Every table: the labeled sets (split ones as even / odd halves) and the corpus files. */
export async function poolTables(keyword = false): Promise<PoolTable[]> {
  const out: PoolTable[] = [];
  for (const set of LABELED_SETS) {
    const collection = SET_COLLECTION[set.name] ?? null;
    const read = async (names: readonly string[]) => (await readDataset(set.dataset, { agentNames: names })).rows;
    if (!set.split) {
      out.push(
        await tableOf(set.name, set.agents, read, {
          collection,
          role: set.fit ? "fit" : "check",
          corpus: false,
          keyword,
        }),
      );
      continue;
    }
    for (const [half, role] of [
      ["even", set.fit ? "fit" : "check"],
      ["odd", "check"],
    ] as const) {
      const rows = async (names: readonly string[]) =>
        (await read(names)).filter((_, i) => i % 2 === (half === "even" ? 0 : 1));
      out.push(await tableOf(`${set.name}/${half}`, set.agents, rows, { collection, role, corpus: false, keyword }));
    }
    if (set.exampleFolds) out.push(...(await exampleFoldTables(set.name, keyword)));
  }
  const files = corpusFiles();
  const targets = [...new Set(files.map((f) => f.collection).filter((c) => c !== NONE_COLLECTION))];
  // Prompts no agent should take join the collections' tables round-robin (none for each).
  const none = (await Promise.all(files.filter((f) => f.collection === NONE_COLLECTION).map(corpusRows))).flat();
  for (const [k, collection] of targets.entries()) {
    const rows = async () => [
      ...(await Promise.all(files.filter((f) => f.collection === collection).map(corpusRows))).flat(),
      ...none.filter((_, i) => i % targets.length === k),
    ];
    out.push(
      await tableOf(`corpus/${collection}`, collectionDir(collection), rows, {
        collection,
        role: "fit",
        corpus: true,
        keyword,
      }),
    );
  }
  return out;
}

/** Fit tables from an intent set's own examples (example-folds.ts), in place of its test split. */
async function exampleFoldTables(name: string, keyword: boolean): Promise<PoolTable[]> {
  const set = LABELED_SETS.find((s) => s.name === name)!;
  const folds = await exampleFolds(set.agents);
  return Promise.all(
    folds.map((fold, f) =>
      tableOf(`${name}/examples-${f}`, fold.dir, async () => fold.rows, {
        collection: null,
        role: "fit",
        corpus: false,
        keyword,
      }),
    ),
  );
}

/** The table with its adapter features recomputed under `adapter` (null: all 0). */
export function withAdapter(t: PoolTable, adapter: Adapter | null): FeatureTable {
  const cols = ADAPTER_FEATURES.map((f) => FEATURE_NAMES.indexOf(f));
  const n = t.index.agents.length;
  const prepared = prepareAdapter(adapter, t.index.agentVectors, n, t.index.dims);
  const rows = t.table.rows.map((row, i) => {
    const f = adapterFeatures(prepared, t.vectors[i]!, n);
    const features = row.features.slice();
    ADAPTER_FEATURES.forEach((name, j) => (features[cols[j]!] = f[name]));
    return { ...row, features };
  });
  return { ...t.table, rows };
}
