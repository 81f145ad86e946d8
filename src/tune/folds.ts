import { AgentRouteError } from "../errors.js";
import { mulberry32, shuffled } from "../util/prng.js";

/**
 * Assigns every row to one of `k` cross-validation folds, stratified by its primary label:
 * rows are grouped by label (groups in name order), shuffled within each group by the seeded
 * PRNG, then dealt round-robin with one counter running across groups. Every label is spread
 * over the folds as evenly as its count allows, fold sizes differ by at most one, and the
 * same (labels, k, seed) always gives the same folds.
 *
 * @example
 * assignFolds(["a", "a", "b", "b", "none", "none"], 2, 1) // e.g. [0, 1, 1, 0, 0, 1]
 */
export function assignFolds(labels: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2) {
    throw new AgentRouteError("USAGE", `--folds: expected a whole number of at least 2, got ${k}`, {
      hint: "Use --folds 5 (the default) or 10.",
    });
  }
  if (labels.length < k) {
    throw new AgentRouteError("DATASET_INVALID", `${labels.length} labeled rows cannot be split into ${k} folds`, {
      hint: `Label at least ${k} prompts (a few per agent; 100 or more for figures worth trusting), or lower --folds.`,
    });
  }
  const groups = new Map<string, number[]>();
  labels.forEach((label, row) => groups.set(label, [...(groups.get(label) ?? []), row]));
  const random = mulberry32(seed);
  const folds = new Array<number>(labels.length).fill(0);
  let next = 0;
  for (const label of [...groups.keys()].sort()) {
    for (const row of shuffled(groups.get(label)!, random)) folds[row] = next++ % k;
  }
  return folds;
}

/** The primary label of a row for stratification: its first expected agent, or "none". */
export function primaryLabel(expected: readonly string[]): string {
  return expected.length === 0 ? "none" : [...expected].sort()[0]!;
}
