import type { AgentSet } from "../agents/types.js";
import type { Embedder } from "../embed/types.js";
import type { DatasetRow } from "../eval/types.js";
import { buildIndex } from "../indexing/build.js";
import type { FittedRule } from "./candidates.js";
import { meanSd, type CandidateScore, type FoldScore } from "./cross-validate.js";
import { extractFeatureTable } from "./feature-table.js";
import { fuseTable, scoreFused } from "./fit.js";

export const EXAMPLES_CANDIDATE = {
  name: "examples",
  description: "labeled prompts as agent examples (head retrained per fold) + default rule",
};

/**
 * The labeled prompts as example utterances of the agents they belong to (a prompt for two
 * agents is an example of both; none rows are not examples). Names sorted, prompts in row order.
 * @example examplesFrom([{ prompt: "p", expected: ["a"], … }]) // { a: ["p"] }
 */
export function examplesFrom(rows: readonly DatasetRow[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of rows) for (const agent of row.expected) (out[agent] ??= []).push(row.prompt);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export interface ExamplesInput {
  agentSet: AgentSet;
  embedder: Embedder | null;
  cacheDir: string | null;
  rows: readonly DatasetRow[];
  folds: readonly number[];
  defaults: FittedRule;
  warn?: (message: string) => void;
}

/**
 * Cross-validates "add the labeled prompts as examples": for each fold, an index is built with
 * the other folds' prompts as examples (so the head is retrained without the fold), and the
 * fold's prompts are routed with the default rule. Costs one head training per fold.
 */
export async function crossValidateExamples(input: ExamplesInput): Promise<CandidateScore> {
  const k = Math.max(...input.folds) + 1;
  const folds: FoldScore[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = input.rows.filter((_, i) => input.folds[i] !== fold);
    const test = input.rows.filter((_, i) => input.folds[i] === fold);
    const index = await buildIndex(input.agentSet, {
      embedder: input.embedder,
      cacheDir: input.cacheDir,
      examples: examplesFrom(train),
      warn: input.warn,
    });
    const table = await extractFeatureTable(index, test);
    folds.push(scoreFused(fuseTable(table, input.defaults.fusion), input.defaults.decision));
  }
  return {
    ...EXAMPLES_CANDIDATE,
    folds,
    accuracy: meanSd(folds.map((f) => f.accuracy)),
    macroF1: meanSd(folds.map((f) => f.macroF1)),
  };
}
