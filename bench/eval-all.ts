/** Evaluates every labeled set and prints one line each: `node dist/bench/eval-all.js [--no-embeddings] [names…]`. */
import { evaluateAgents } from "../src/eval/evaluate.js";
import { LABELED_SETS, ROOT } from "./sets.js";

const args = process.argv.slice(2);
const embeddings = !args.includes("--no-embeddings");
const only = args.filter((a) => !a.startsWith("--"));
for (const set of LABELED_SETS.filter((s) => only.length === 0 || only.includes(s.name))) {
  const t0 = Date.now();
  const r = await evaluateAgents({ agentsDir: set.agents, dataset: set.dataset, embeddings, cwd: ROOT, warn: () => {} });
  const s = r.summary;
  console.log(
    `${set.name.padEnd(22)} rows ${String(r.dataset.rows).padStart(5)}  acc ${s.accuracy.toFixed(3)}  macroF1 ${s.macro.f1.toFixed(3)}  top1 ${s.top1.toFixed(3)}  top3 ${s.top3.toFixed(3)}  none P/R ${s.none.precision.toFixed(2)}/${s.none.recall.toFixed(2)}  ece ${s.ece.toFixed(3)}  ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
}
