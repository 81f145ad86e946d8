/** (g) Wall time of the 3080-prompt BANKING77 eval, as `agentroute eval` runs it. */
import { openRouter } from "../src/pipeline/open.js";
import { evaluateAgents } from "../src/eval/evaluate.js";
import { LABELED_SETS, ROOT } from "./sets.js";
import { msSince } from "./util/stats.js";

export interface EvalWallTime {
  rows: number;
  /** Opening the router on an empty cache: model load, embedding the agents, the head. */
  coldIndexMs: number;
  /** The eval with the agents cached but every prompt new: the figure the 60 s target is about. */
  warmIndexMs: number;
  /** The same eval again, prompts cached too. */
  allCachedMs: number;
  accuracy: number;
}

/**
 * Times the BANKING77 eval in a fresh cache folder: cold index, then warm index with new
 * prompts, then everything cached.
 *
 * @example
 * (await measureBankingEval(tmpDir)).warmIndexMs // e.g. 41000
 */
export async function measureBankingEval(cacheDir: string): Promise<EvalWallTime> {
  const set = LABELED_SETS.find((s) => s.name === "banking77");
  if (!set) throw new Error("bench/sets.ts has no banking77 entry");
  let start = process.hrtime.bigint();
  const opened = await openRouter({ agentsDir: set.agents, cwd: ROOT, cacheDir, warn: () => {} });
  await opened.close();
  const coldIndexMs = msSince(start);
  const options = { agentsDir: set.agents, dataset: set.dataset, cwd: ROOT, cacheDir, warn: () => {} };
  start = process.hrtime.bigint();
  const report = await evaluateAgents(options);
  const warmIndexMs = msSince(start);
  start = process.hrtime.bigint();
  await evaluateAgents(options);
  const allCachedMs = msSince(start);
  return { rows: report.dataset.rows, coldIndexMs, warmIndexMs, allCachedMs, accuracy: report.summary.accuracy };
}
