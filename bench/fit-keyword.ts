/**
 * Fits the keyword-mode fusion (src/classify/defaults.ts, `keyword`): `node dist/bench/fit-keyword.js`.
 * The same fit tables as bench/fit-defaults.ts, routed without a model. The fitted bias is moved
 * so that the shared default threshold makes the decisions the fitted threshold makes.
 */
import { resolveConfig } from "../src/classify/config.js";
import { DEFAULT_DECISION, DEFAULT_FUSION } from "../src/classify/defaults.js";
import { featuresIn } from "../src/classify/scorers/features.js";
import { DEFAULT_FIT, fitFusion, scoreTable } from "../src/tune/fit.js";
import { poolTables } from "./fit-pool.js";
import { fitDefaultRule } from "./loco.js";

const logit = (p: number): number => Math.log(p / (1 - p));
const pool = await poolTables(true);
const fit = pool.filter((t) => t.role === "fit").map((t) => t.table);
const fusion = fitFusion(fit, { ...DEFAULT_FIT, features: featuresIn("keyword") });
const base = resolveConfig({});
const decision = fitDefaultRule(fit, fusion);
const shifted = {
  ...fusion,
  bias: Math.round((fusion.bias + logit(DEFAULT_DECISION.threshold) - logit(decision.threshold)) * 1000) / 1000,
};
console.log(
  `== keyword\nfitted threshold ${decision.threshold}; fusion at ${DEFAULT_DECISION.threshold}: ${JSON.stringify(shifted)}`,
);
for (const t of pool) {
  const before = scoreTable(t.table, DEFAULT_FUSION.keyword, base);
  const after = scoreTable(t.table, shifted, base);
  console.log(
    `${t.name.padEnd(34)} ${t.role.padEnd(5)} acc ${before.accuracy.toFixed(3)} → ${after.accuracy.toFixed(3)}   macroF1 ${before.macroF1.toFixed(3)} → ${after.macroF1.toFixed(3)}`,
  );
}
