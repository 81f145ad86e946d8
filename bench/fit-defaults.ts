/**
 * Fits the default fusion weights and decision rule (src/classify/defaults.ts) on the
 * labeled real sets: `npm run build && node dist/bench/fit-defaults.js`.
 * BANKING77 contributes its even rows only; its odd rows stay held out for the README figure.
 * The example set and its holdout are never used here: they check the defaults honestly.
 */
import { resolveConfig } from "../src/classify/config.js";
import { DEFAULT_FUSION, FEATURE_NAMES, type FeatureName } from "../src/classify/defaults.js";
import { openRouter } from "../src/classify/open.js";
import { readDataset } from "../src/eval/dataset.js";
import { extractFeatureTable, type FeatureTable } from "../src/tune/feature-table.js";
import { DEFAULT_FIT, fitDecision, fitFusion, scoreTable } from "../src/tune/fit.js";
import { LABELED_SETS, ROOT } from "./sets.js";

const KEYWORD_FEATURES = FEATURE_NAMES.filter((f) => !f.startsWith("emb_") && f !== "bg_margin") as FeatureName[];

async function tables(embeddings: boolean, fitOnly: boolean): Promise<{ name: string; table: FeatureTable }[]> {
  const out: { name: string; table: FeatureTable }[] = [];
  for (const set of LABELED_SETS.filter((s) => s.fit === fitOnly)) {
    const opened = await openRouter({ agentsDir: set.agents, cwd: ROOT, embeddings, warn: () => {} });
    const dataset = await readDataset(set.dataset, { agentNames: opened.router.agentNames });
    const rows = set.name === "banking77" ? dataset.rows.filter((_, i) => i % 2 === (fitOnly ? 0 : 1)) : dataset.rows;
    out.push({ name: set.name, table: await extractFeatureTable(opened.index, rows) });
  }
  return out;
}

for (const embeddings of [true, false]) {
  const mode = embeddings ? "embeddings" : "keyword";
  const fitTables = await tables(embeddings, true);
  const checkTables = await tables(embeddings, false);
  const fusion = fitFusion(fitTables.map((t) => t.table), { ...DEFAULT_FIT, features: embeddings ? FEATURE_NAMES : KEYWORD_FEATURES });
  const base = resolveConfig({});
  // The threshold is fitted where abstaining is possible: sets that have "none" rows.
  const withNone = fitTables.filter((t) => t.table.rows.filter((r) => r.expected.length === 0).length >= 0.05 * t.table.rows.length);
  const decision = fitDecision(withNone.map((t) => t.table), fusion, base, "accuracy");
  console.log(`\n== ${mode}\nfusion ${JSON.stringify(fusion)}\ndecision ${JSON.stringify({ threshold: decision.threshold, multi: decision.multi })}`);
  for (const { name, table } of [...fitTables, ...checkTables]) {
    const before = scoreTable(table, DEFAULT_FUSION[mode], base);
    const after = scoreTable(table, fusion, decision);
    console.log(`${name.padEnd(22)} acc ${before.accuracy.toFixed(3)} → ${after.accuracy.toFixed(3)}   macroF1 ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)}`);
  }
}
