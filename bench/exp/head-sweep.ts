/**
 * Experiment harness: trains the head with option variants (no cache) and prints its top-1
 * accuracy on each labeled set's non-none rows (all, and BANKING77's held-out odd rows):
 * `node dist/bench/exp/head-sweep.js '[{"l2":1e-3},{"aug":1,"mode":"swap"},{"center":1}]' [sets…]`.
 * Variant keys: SoftmaxOptions fields; `aug` n (extra copies of each example utterance, with
 * `mode` del | swap | del2, embedded); `center` 1 | "nonorm" (subtract the set's mean piece vector).
 */
import { openRouter } from "../../src/pipeline/open.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { trainHead } from "../../src/indexing/head.js";
import { expandWithLexicon, lexiconWords } from "../../src/indexing/expand.js";
import { sparseFeatures } from "../../src/indexing/features.js";
import { softmaxLogits } from "../../src/indexing/softmax.js";
import { LABELED_SETS, ROOT } from "../sets.js";
import { mulberry32 } from "../../src/util/prng.js";
import type { AgentIndex, Piece } from "../../src/indexing/types.js";

function variantOf(text: string, mode: string, r: () => number): string {
  const w = text.split(/\s+/).filter(Boolean);
  if (w.length < 3) return text;
  if (mode === "del") {
    const i = Math.floor(r() * w.length);
    w.splice(i, 1);
  }
  if (mode === "swap") {
    const i = Math.floor(r() * (w.length - 1));
    [w[i], w[i + 1]] = [w[i + 1]!, w[i]!];
  }
  if (mode === "del2") {
    for (let k = 0; k < Math.max(1, Math.round(w.length * 0.2)); k++) w.splice(Math.floor(r() * w.length), 1);
  }
  return w.join(" ");
}

async function augment(
  index: AgentIndex,
  v: Record<string, unknown>,
): Promise<{ pieces: Piece[]; vectors: Float32Array }> {
  const n = Number(v.aug ?? 0);
  if (!n) return { pieces: [], vectors: index.vectors! };
  const r = mulberry32(11);
  const pieces: Piece[] = [];
  for (const p of index.pieces)
    if (p.kind === "example")
      for (let k = 0; k < n; k++) {
        const t = variantOf(p.text, String(v.mode ?? "del"), r);
        if (t !== p.text) pieces.push({ ...p, text: t });
      }
  const out = new Float32Array((index.pieces.length + pieces.length) * index.dims);
  out.set(index.vectors!);
  const vecs = await index.embedder!.embed(pieces.map((p) => p.text));
  vecs.forEach((x, i) => out.set(x, (index.pieces.length + i) * index.dims));
  return { pieces, vectors: out };
}

const variants = JSON.parse(process.argv[2] ?? "[{}]") as Record<string, unknown>[];
const only = process.argv.slice(3);
for (const set of LABELED_SETS.filter((s) => (only.length ? only.includes(s.name) : s.name !== "example-holdout"))) {
  const opened = await openRouter({ agentsDir: set.agents, cwd: ROOT, warn: () => {} });
  const index = opened.index;
  const ds = await readDataset(set.dataset, { agentNames: opened.router.agentNames });
  const byName = new Map(index.agents.map((a, i) => [a.name.toLowerCase(), i]));
  const rows = ds.rows
    .map((r, i) => ({ i, prompt: r.prompt, exp: r.expected.map((e) => byName.get(e.toLowerCase())!) }))
    .filter((r) => r.exp.length > 0);
  const vecs = await index.embedder!.embed(rows.map((r) => r.prompt));
  const texts = rows.map((r) => expandWithLexicon(r.prompt, lexiconWords(r.prompt)));
  for (const v of variants) {
    const t0 = Date.now();
    const aug0 = await augment(index, v);
    const D = index.dims;
    const mu = new Float64Array(D);
    const pos = index.pieces.map((p, i) => (p.kind !== "notEngage" ? i : -1)).filter((i) => i >= 0);
    if (v.center) for (const i of pos) for (let d = 0; d < D; d++) mu[d]! += index.vectors![i * D + d]! / pos.length;
    const tf = (x: Float32Array): Float32Array => {
      const o = new Float32Array(D);
      let n = 0;
      for (let d = 0; d < D; d++) {
        o[d] = x[d]! - mu[d]!;
        n += o[d]! ** 2;
      }
      n = v.center === "nonorm" ? 1 : Math.sqrt(n) || 1;
      for (let d = 0; d < D; d++) o[d]! /= n;
      return o;
    };
    const tv = new Float32Array(aug0.vectors.length);
    for (let i = 0; i < tv.length / D; i++) tv.set(tf(aug0.vectors.subarray(i * D, (i + 1) * D)), i * D);
    const aug = { pieces: aug0.pieces, vectors: tv };
    const qvec = vecs.map((x) => tf(x));
    const head = await trainHead({
      pieces: [...index.pieces, ...aug.pieces],
      agentCount: index.agents.length,
      vectors: aug.vectors,
      dims: index.dims,
      embedderId: "x",
      options: v as never,
      expand: expandWithLexicon,
      cacheDir: null,
    });
    const ms = Date.now() - t0;
    const z = new Float64Array(index.agents.length);
    let ok = 0,
      okOdd = 0,
      nOdd = 0;
    rows.forEach((r, k) => {
      const sparse = sparseFeatures(texts[k]!, head.vocab);
      softmaxLogits(head.model, qvec[k]!, sparse, z);
      let best = 0;
      for (let a = 1; a < z.length; a++) if (z[a]! > z[best]!) best = a;
      const hit = r.exp.includes(best) ? 1 : 0;
      ok += hit;
      if (r.i % 2 === 1) {
        okOdd += hit;
        nOdd++;
      }
    });
    console.log(
      `${set.name.padEnd(22)} ${JSON.stringify(v).padEnd(60)} top1 ${(ok / rows.length).toFixed(3)} odd ${(okOdd / nOdd).toFixed(3)}  train ${ms}ms`,
    );
  }
  await opened.close();
}
