/**
 * The routing corpus (corpus/*.csv): which collection each file belongs to, its agents and its
 * rows. Shared by the bank generator (bench/build-bank.ts) and the leave-one-collection-out
 * bench (bench/loco.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadAgents } from "../src/agents/load/load.js";
import type { AgentSet } from "../src/agents/types.js";
import { readDataset } from "../src/inputs/dataset.js";
import type { DatasetRow } from "../src/eval/types.js";
import { ROOT, SHARED } from "./sets.js";

export const CORPUS_DIR = path.join(ROOT, "corpus");

/** The corpus file of prompts no agent of any collection should take. */
export const NONE_COLLECTION = "none-generic";

export interface CorpusFile {
  file: string;
  /** Agent collection (a folder of ../shared/agent-sets), or NONE_COLLECTION. */
  collection: string;
}

/**
 * The collection a corpus file is written for: its name, or its name plus "-agents" /
 * "-subagents", with a part suffix (`voltagent-a`, `voltagent-b`) dropped.
 */
export function collectionOf(file: string): string {
  const base = path.basename(file, ".csv");
  if (base === NONE_COLLECTION) return base;
  const stem = base.replace(/-[a-z]$/, "");
  for (const name of [base, stem, `${stem}-agents`, `${stem}-subagents`]) {
    if (existsSync(path.join(SHARED, "agent-sets", name))) return name;
  }
  throw new Error(`corpus file ${file}: no agent collection ${stem} in ${path.join(SHARED, "agent-sets")}`);
}

export function corpusFiles(dir = CORPUS_DIR): CorpusFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((f) => ({ file: path.join(dir, f), collection: collectionOf(f) }));
}

export function collectionDir(collection: string): string {
  return path.join(SHARED, "agent-sets", collection);
}

const sets = new Map<string, Promise<AgentSet>>();

export function collectionAgents(collection: string): Promise<AgentSet> {
  let s = sets.get(collection);
  if (!s) sets.set(collection, (s = loadAgents(collectionDir(collection))));
  return s;
}

/** A corpus file's rows, checked against its collection's agent names (bad rows are reported). */
export async function corpusRows(file: CorpusFile): Promise<DatasetRow[]> {
  const names =
    file.collection === NONE_COLLECTION ? [] : (await collectionAgents(file.collection)).agents.map((a) => a.name);
  const d = await readDataset(file.file, { agentNames: names });
  for (const s of d.skipped) console.warn(`${path.basename(file.file)}:${s.line}: skipped: ${s.reason}`);
  return d.rows;
}
