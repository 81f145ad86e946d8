/**
 * The adapter alone under leave one collection out: `node dist/bench/exp/adapter-loco.js [json options]`.
 * Trains on every corpus collection but one and prints top-1 on the left-out one's rows with an
 * agent (and the encoder's plain cosine to agentText, for comparison).
 */
import { createEmbedder } from "../../src/embed/registry.js";
import { adapterLogits } from "../../src/indexing/adapter.js";
import { trainAdapter, TRAIN_DEFAULTS } from "../adapter-train.js";
import { trainingGroups } from "../adapter-data.js";
import { ROOT } from "../sets.js";

const embedder = await createEmbedder({}, { cwd: ROOT });
const groups = await trainingGroups(embedder);
const options = { ...TRAIN_DEFAULTS, ...JSON.parse(process.argv[2] ?? "{}") };
const only = process.argv[3]?.split(",");
let sumA = 0;
let sumB = 0;
let folds = 0;
for (const held of groups.filter((g) => !only || only.includes(g.collection))) {
  const t0 = Date.now();
  const model = trainAdapter(
    groups.filter((g) => g !== held),
    options,
  );
  const dims = model.dims;
  const agents = Array.from({ length: held.n }, (_, i) => {
    const t = held.agents.subarray(i * dims, (i + 1) * dims);
    const out = new Float64Array(model.rank);
    for (let d = 0; d < dims; d++) for (let j = 0; j < model.rank; j++) out[j]! += t[d]! * model.b[d * model.rank + j]!;
    return out;
  });
  let okA = 0;
  let okB = 0;
  let total = 0;
  held.prompts.forEach((p, k) => {
    const target = held.targets[k]!;
    if (target.length === 0) return;
    const base = Float64Array.from({ length: held.n }, (_, i) => {
      let s = 0;
      for (let d = 0; d < dims; d++) s += held.agents[i * dims + d]! * p[d]!;
      return s;
    });
    const logits = adapterLogits(model, p, base, agents).subarray(0, held.n);
    const argmax = (x: ArrayLike<number>) => {
      let b = 0;
      for (let i = 1; i < x.length; i++) if (x[i]! > x[b]!) b = i;
      return b;
    };
    total++;
    if (target.includes(argmax(logits))) okA++;
    if (target.includes(argmax(base))) okB++;
  });
  sumA += okA / total;
  sumB += okB / total;
  folds++;
  console.log(
    `${held.collection.padEnd(32)} adapter ${(okA / total).toFixed(3)}  cosine ${(okB / total).toFixed(3)}  (${total} rows, ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
console.log(`mean adapter ${(sumA / folds).toFixed(3)} cosine ${(sumB / folds).toFixed(3)} ${JSON.stringify(options)}`);
await embedder.dispose();
