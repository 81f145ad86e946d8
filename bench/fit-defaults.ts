/**
 * Fits the default fusion weights and decision rule (src/classify/defaults.ts) on the
 * labeled real sets: `npm run build && node dist/bench/fit-defaults.js`.
 * Sets marked `split` (BANKING77 and its out-of-scope prompts) contribute their even rows
 * only; their odd rows stay held out and are printed as `name/odd`.
 * The example set and its holdout are never used here: they check the defaults honestly.
 */
import { resolveConfig } from "../src/classify/config.js";
import { DEFAULT_FUSION } from "../src/classify/defaults.js";
import { featuresIn } from "../src/classify/scorers/features.js";
import { openRouter } from "../src/pipeline/open.js";
import { readDataset } from "../src/inputs/dataset.js";
import { extractFeatureTable, type FeatureTable } from "../src/tune/feature-table.js";
import { DEFAULT_FIT, fitDecision, fitFusion, scoreTable } from "../src/tune/fit.js";
import { LABELED_SETS, ROOT } from "./sets.js";

interface Named {
  name: string;
  table: FeatureTable;
}

/** Feature tables of every labeled set: the rows fitted on, and the rows held out. */
async function tables(embeddings: boolean): Promise<{ fit: Named[]; check: Named[] }> {
  const fit: Named[] = [];
  const check: Named[] = [];
  for (const set of LABELED_SETS) {
    const opened = await openRouter({ agentsDir: set.agents, cwd: ROOT, embeddings, warn: () => {} });
    const dataset = await readDataset(set.dataset, { agentNames: opened.router.agentNames });
    const table = await extractFeatureTable(opened.index, dataset.rows);
    if (!set.fit) check.push({ name: set.name, table });
    else if (!set.split) fit.push({ name: set.name, table });
    else {
      fit.push({ name: `${set.name}/even`, table: { ...table, rows: table.rows.filter((_, i) => i % 2 === 0) } });
      check.push({ name: `${set.name}/odd`, table: { ...table, rows: table.rows.filter((_, i) => i % 2 === 1) } });
    }
  }
  return { fit, check };
}

for (const embeddings of [true, false]) {
  const mode = embeddings ? "embeddings" : "keyword";
  const { fit: fitTables, check: checkTables } = await tables(embeddings);
  const fusion = fitFusion(
    fitTables.map((t) => t.table),
    { ...DEFAULT_FIT, features: featuresIn(embeddings ? "embeddings" : "keyword") },
  );
  const base = resolveConfig({});
  // The threshold is fitted where abstaining is possible: sets that have "none" rows.
  const withNone = fitTables.filter(
    (t) => t.table.rows.filter((r) => r.expected.length === 0).length >= 0.05 * t.table.rows.length,
  );
  const decision = fitDecision(
    withNone.map((t) => t.table),
    fusion,
    base,
    "accuracy",
  );
  console.log(
    `\n== ${mode}\nfusion ${JSON.stringify(fusion)}\ndecision ${JSON.stringify({ threshold: decision.threshold, multi: decision.multi })}`,
  );
  for (const { name, table } of [...fitTables, ...checkTables]) {
    const before = scoreTable(table, DEFAULT_FUSION[mode], base);
    const after = scoreTable(table, fusion, decision);
    console.log(
      `${name.padEnd(22)} acc ${before.accuracy.toFixed(3)} → ${after.accuracy.toFixed(3)}   macroF1 ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)}`,
    );
  }
}
