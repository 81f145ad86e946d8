/** Experiment: nearest-example / kNN accuracy with raw vs centred embeddings. */
import { openRouter } from "../../src/pipeline/open.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { LABELED_SETS, ROOT } from "../sets.js";

const set = LABELED_SETS.find((s) => s.name === (process.argv[2] ?? "banking77"))!;
const opened = await openRouter({ agentsDir: set.agents, cwd: ROOT, warn: () => {} });
const ix = opened.index;
const D = ix.dims;
const ds = await readDataset(set.dataset, { agentNames: opened.router.agentNames });
const byName = new Map(ix.agents.map((a, i) => [a.name.toLowerCase(), i]));
const rows = ds.rows
  .map((r) => ({ prompt: r.prompt, exp: r.expected.map((e) => byName.get(e.toLowerCase())!) }))
  .filter((r) => r.exp.length > 0);
const qv = await ix.embedder!.embed(rows.map((r) => r.prompt));
const P = ix.pieces.filter((p) => p.kind !== "notEngage").length;
const ids = ix.pieces.map((p, i) => (p.kind !== "notEngage" ? i : -1)).filter((i) => i >= 0);
function run(center: boolean, K: number, tau: number): number {
  const mean = new Float64Array(D);
  if (center) for (const i of ids) for (let d = 0; d < D; d++) mean[d]! += ix.vectors![i * D + d]! / P;
  const norm = (v: Float32Array | Float64Array): Float64Array => {
    const o = new Float64Array(D);
    let n = 0;
    for (let d = 0; d < D; d++) {
      o[d] = v[d]! - mean[d]!;
      n += o[d]! ** 2;
    }
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < D; d++) o[d]! /= n;
    return o;
  };
  const pv = ids.map((i) => norm(ix.vectors!.subarray(i * D, (i + 1) * D)));
  let ok = 0;
  rows.forEach((r, k) => {
    const q = norm(qv[k]!);
    const sims = pv.map((v) => {
      let s = 0;
      for (let d = 0; d < D; d++) s += v[d]! * q[d]!;
      return s;
    });
    const order = sims
      .map((s, j) => [s, j] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, K);
    const vote = new Float64Array(ix.agents.length);
    for (const [s, j] of order) vote[ix.pieces[ids[j]!]!.agent]! += Math.exp((s - order[0]![0]) / tau);
    let best = 0;
    for (let a = 1; a < vote.length; a++) if (vote[a]! > vote[best]!) best = a;
    if (r.exp.includes(best)) ok++;
  });
  return ok / rows.length;
}
for (const center of [false, true])
  for (const [K, tau] of [
    [1, 1],
    [5, 0.05],
    [10, 0.05],
    [10, 0.1],
    [20, 0.05],
  ] as const)
    console.log(`center ${center} K ${K} tau ${tau} acc ${run(center, K, tau).toFixed(3)}`);
await opened.close();
