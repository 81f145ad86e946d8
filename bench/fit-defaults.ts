/**
 * Fits the default fusion weights and decision rule (src/classify/defaults.ts):
 * `npm run build && node dist/bench/fit-defaults.js`.
 * Fitted on the labeled sets (our BANKING77 out-of-scope prompts: even rows only; for BANKING77
 * itself its agents' own examples, bench/example-folds.ts, never its test split) and the routing corpus; each row's adapter features come from an adapter trained without its
 * collection (bench/adapter-folds.ts), so the weights say how far the adapter carries to a
 * collection it never saw. The example set and its holdout are never used here: they, the
 * odd halves and assistant-intents are printed as checks. Keyword mode keeps its weights
 * (see defaults.ts): it has no adapter features.
 */
import { resolveConfig } from "../src/classify/config.js";
import { DEFAULT_FUSION } from "../src/classify/defaults.js";
import { scoreTable } from "../src/tune/fit.js";
import { foldAdapters } from "./adapter-folds.js";
import { poolTables, withAdapter } from "./fit-pool.js";
import { fitOn } from "./loco.js";

const pool = await poolTables();
const adapters = await foldAdapters(pool[0]!.index.embedder!);
const base = resolveConfig({});
const model = fitOn(
  pool.filter((t) => t.role === "fit"),
  adapters,
  adapters.all,
);
console.log(
  `== embeddings\nfusion ${JSON.stringify(model.fusion)}\ndecision ${JSON.stringify({ threshold: model.decision.threshold, multi: model.decision.multi })}`,
);
for (const t of pool) {
  const table = withAdapter(t, t.role === "fit" ? (adapters.without(t.collection) ?? adapters.all) : adapters.all);
  const before = scoreTable(table, DEFAULT_FUSION.embeddings, base);
  const after = scoreTable(table, model.fusion, model.decision);
  console.log(
    `${t.name.padEnd(34)} ${t.role.padEnd(5)} acc ${before.accuracy.toFixed(3)} → ${after.accuracy.toFixed(3)}   macroF1 ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)}`,
  );
}
