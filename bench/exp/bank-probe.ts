/**
 * Probe: corpus prompts attached as weak examples to the target set's agents whose agent text
 * is near a corpus agent's (cosine ≥ tau, at most k per agent), then the target set evaluated.
 * `node dist/bench/exp/bank-probe.js SET TAU K [--loco]` (--loco: the set's own collection's
 * corpus prompts are left out, as for a collection nobody wrote prompts for).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadAgents } from "../../src/agents/load/load.js";
import { createEmbedder } from "../../src/embed/registry.js";
import { evaluateAgents } from "../../src/eval/evaluate.js";
import { agentText } from "../../src/indexing/adapter.js";
import { collectionAgents, corpusFiles, corpusRows, NONE_COLLECTION } from "../corpus.js";
import { LABELED_SETS, ROOT } from "../sets.js";

const [setName, tauArg, kArg] = process.argv.slice(2);
const loco = process.argv.includes("--loco");
const tau = Number(tauArg ?? 0.8);
const k = Number(kArg ?? 20);
const margin = Number(process.env.BANK_MARGIN ?? 0);
const set = LABELED_SETS.find((s) => s.name === setName)!;
const own = path.basename(set.agents);
const embedder = await createEmbedder({ cacheDir: process.env.AGENTROUTE_CACHE_DIR }, { warn: () => {} });
const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

interface Src {
  vec: Float32Array;
  prompts: string[];
}
const sources: Src[] = [];
for (const f of corpusFiles()) {
  if (f.collection === NONE_COLLECTION || (loco && f.collection === own)) continue;
  const agents = (await collectionAgents(f.collection)).agents;
  const rows = await corpusRows(f);
  const vecs = await embedder.embed(agents.map(agentText));
  agents.forEach((a, i) => {
    const prompts = rows.filter((r) => r.expected.length === 1 && r.expected[0] === a.name).map((r) => r.prompt);
    if (prompts.length) sources.push({ vec: vecs[i]!, prompts });
  });
}
const target = (await loadAgents(set.agents)).agents;
const tvecs = await embedder.embed(target.map(agentText));
const examples: Record<string, string[]> = {};
// Each corpus agent goes to the one target agent nearest to it (if close enough): a prompt is
// never attached to two agents, and a collection's own agents map to themselves.
const byTarget = new Map<number, { c: number; s: Src }[]>();
for (const s of sources) {
  let best = -1;
  let bestC = -Infinity;
  let second = -Infinity;
  tvecs.forEach((t, i) => {
    const c = dot(s.vec, t);
    if (c > bestC) [best, bestC, second] = [i, c, bestC];
    else if (c > second) second = c;
  });
  if (bestC < tau || bestC - second < margin) continue;
  byTarget.set(best, [...(byTarget.get(best) ?? []), { c: bestC, s }]);
}
let covered = 0;
// BANK_FULL: only when every agent gets prompts, and each the same number (no skew).
const full = process.env.BANK_FULL === "1";
const lists = [...byTarget].map(
  ([i, list]) => [i, list.sort((x, y) => y.c - x.c).flatMap((x) => x.s.prompts)] as const,
);
const even = Math.min(k, ...lists.map(([, l]) => l.length));
if (!full || lists.length === target.length) {
  for (const [i, prompts] of lists) {
    examples[target[i]!.name] = prompts.slice(0, full ? even : k);
    covered++;
  }
}
const dir = mkdtempSync(path.join(os.tmpdir(), "bank-"));
const configPath = path.join(dir, "config.json");
writeFileSync(configPath, JSON.stringify({ examples, bank: { enabled: false } }));
const r = await evaluateAgents({
  agentsDir: set.agents,
  dataset: set.dataset,
  embeddings: true,
  cwd: ROOT,
  configPath,
  warn: () => {},
});
const s = r.summary;
console.log(
  `${setName} tau ${tau} k ${k} margin ${margin}${loco ? " loco" : ""}: covered ${covered}/${target.length}  acc ${s.accuracy.toFixed(3)}  macroF1 ${s.macro.f1.toFixed(3)}  none P/R ${s.none.precision.toFixed(2)}/${s.none.recall.toFixed(2)}`,
);
await embedder.dispose();
