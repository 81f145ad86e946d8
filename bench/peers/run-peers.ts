/**
 * Peers on BANKING77: each trained on the same 770 example utterances the agent files hold,
 * evaluated on the same test prompts as the router, with the same metrics (computeSummary).
 */
import path from "node:path";
import { defaultCacheDir } from "../../src/embed/cache.js";
import { createEmbedder } from "../../src/embed/registry.js";
import { computeSummary } from "../../src/eval/summary.js";
import { evaluateAgents } from "../../src/eval/evaluate.js";
import { LABELED_SETS, ROOT } from "../sets.js";
import { pct, renderTable } from "../util/table.js";
import { readBankingData, type BankingData } from "./banking-data.js";
import { createEmbeddingPeers } from "./embedding-peers.js";
import { createNaturalLogisticPeer, naturalBayesPeer } from "./natural-peers.js";
import { nlpjsPeer } from "./nlpjs-peer.js";
import type { Peer } from "./types.js";

export interface PeerRow {
  name: string;
  accuracy: number;
  macroF1: number;
  /** Training plus predicting, seconds. */
  seconds: number;
  /** Figure measured earlier on this machine (issue 4), for comparison; null for ours. */
  reference: number | null;
  /** E.g. that a trained model came from the cache. */
  note?: string;
}

export interface PeersResult {
  train: number;
  test: number;
  rows: PeerRow[];
  published: { name: string; accuracy: number }[];
}

const REFERENCE: Record<string, number> = {
  "NLP.js (@nlpjs/nlp)": 0.636,
  "natural BayesClassifier": 0.672,
  "natural LogisticRegressionClassifier": 0.684,
  "nearest example (USE-lite cosine)": 0.633,
  "nearest class centroid (USE-lite)": 0.654,
};

/** Published 10-shot BANKING77 accuracy (Casanueva et al. 2020; Zhang et al. 2021), for context. */
const PUBLISHED = [
  { name: "USE+ConveRT, 10-shot (Casanueva et al. 2020)", accuracy: 0.8519 },
  { name: "CPFT, 10-shot (Zhang et al. 2021)", accuracy: 0.872 },
];

function scoreLabels(data: BankingData, predicted: readonly string[]): { accuracy: number; macroF1: number } {
  const s = computeSummary(
    data.test.map((t, i) => ({ expected: [t.label], predicted: [predicted[i]!], ranked: [] })),
    { resamples: 0 },
  );
  return { accuracy: s.accuracy, macroF1: s.macro.f1 };
}

async function runPeer(peer: Peer, data: BankingData): Promise<PeerRow> {
  const start = Date.now();
  const predicted = await peer.predict(
    data.train,
    data.test.map((t) => t.text),
  );
  const row: PeerRow = {
    name: peer.name,
    ...scoreLabels(data, predicted),
    seconds: (Date.now() - start) / 1000,
    reference: REFERENCE[peer.name] ?? null,
  };
  return peer.note ? { ...row, note: peer.note } : row;
}

/** The router itself, default configuration, on the same test prompts. */
async function runOurs(data: BankingData, quick: boolean, mode: "embeddings" | "keyword"): Promise<PeerRow> {
  const set = LABELED_SETS.find((s) => s.name === "banking77")!;
  const start = Date.now();
  const keep = new Set(data.test.map((t) => t.text));
  const report = await evaluateAgents({
    agentsDir: set.agents,
    dataset: set.dataset,
    cwd: ROOT,
    embeddings: mode === "embeddings",
    warn: () => {},
  });
  const cases = quick ? report.cases.filter((c) => keep.has(c.prompt)) : report.cases;
  const s = computeSummary(cases, { resamples: 0 });
  return {
    name: `agentroute (default config, ${mode})`,
    accuracy: s.accuracy,
    macroF1: s.macro.f1,
    seconds: (Date.now() - start) / 1000,
    reference: null,
  };
}

/**
 * Every peer and the router on BANKING77. The quick run tests every 10th prompt and leaves
 * out natural's logistic regression unless its trained model is cached (training takes minutes).
 *
 * @example
 * renderPeers(await runPeers({ quick: false, log: console.error }))
 */
export async function runPeers(options: { quick: boolean; log: (line: string) => void }): Promise<PeersResult> {
  const data = await readBankingData(options.quick ? 10 : 1);
  const embedder = await createEmbedder({}, { cwd: ROOT, warn: () => {} });
  const rows: PeerRow[] = [];
  try {
    for (const mode of ["embeddings", "keyword"] as const) {
      options.log(`peers: agentroute (${mode})`);
      rows.push(await runOurs(data, options.quick, mode));
    }
    const logistic = createNaturalLogisticPeer(path.join(defaultCacheDir(ROOT, process.env), "bench"));
    for (const peer of [nlpjsPeer, naturalBayesPeer, logistic, ...createEmbeddingPeers(embedder)]) {
      if (options.quick && peer === logistic) continue;
      options.log(`peers: ${peer.name}`);
      rows.push(await runPeer(peer, data));
    }
  } finally {
    await embedder.dispose();
  }
  return { train: data.train.length, test: data.test.length, rows, published: PUBLISHED };
}

/** The peers table, ours first, then the published figures for context. */
export function renderPeers(r: PeersResult): string {
  const body = r.rows.map((row) => [
    row.name,
    pct(row.accuracy),
    pct(row.macroF1),
    row.reference === null ? "" : pct(row.reference),
    `${row.seconds.toFixed(1)}${row.note ? " (cached model)" : ""}`,
  ]);
  const published = r.published.map((p) => [`published: ${p.name}`, pct(p.accuracy), "", "", ""]);
  return `Trained on the ${r.train} example utterances of the banking77-k10 agent files (parsed with loadAgents), tested on ${r.test} test prompts. "earlier" = figure measured before on this machine (issue 4). Peers always answer an intent; the router may answer none (counted wrong). "s" = training + predicting (ours: the whole eval); natural's logistic regression trains for minutes, so its trained model is cached in .agentroute-cache/bench (left out of --quick).\n\n${renderTable(["classifier", "accuracy", "macro-F1", "earlier", "s"], [...body, ...published])}`;
}
