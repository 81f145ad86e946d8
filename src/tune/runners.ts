import type { AgentSet } from "../agents/types.js";
import { chooseDispatch } from "../classify/decide.js";
import type { Embedder } from "../embed/types.js";
import type { DatasetRow } from "../eval/types.js";
import { buildIndex } from "../indexing/build.js";
import type { Candidate, FittedRule, TuneContext } from "./candidates.js";
import { selectRows } from "./cross-validate.js";
import { examplesFrom } from "./examples-candidate.js";
import { extractFeatureTable, type FeatureTable } from "./feature-table.js";
import { fuseTable, type DecisionConfig } from "./fit.js";

/**
 * One way of tuning, ready to be cross-validated at any level (plain or nested): fit on some
 * rows of the labeled set, predict others. Rows are indices into the dataset (and its feature table).
 */
export interface CandidateRunner {
  name: string;
  description: string;
  /** What the data must hold before this candidate is worth trying (see guardData). */
  needs: Candidate["needs"];
  /** Fits on the `train` rows and returns the agents (indices) dispatched for each `test` row. */
  fitPredict(train: readonly number[], test: readonly number[]): Promise<number[][]>;
  /** Fits on the given rows: what a config file would hold. */
  fit(train: readonly number[]): FittedRule;
}

/** Agents dispatched for each row of a table under a fitted rule (the router's own decision). */
export function predictTable(table: FeatureTable, fusion: FittedRule["fusion"], decision: DecisionConfig): number[][] {
  const fused = fuseTable(table, fusion);
  return fused.scores.map((scores, i) => chooseDispatch(scores, table.agents, decision, fused.orders[i]));
}

/** A candidate that only refits fusion weights or thresholds: works on the feature table, no re-routing. */
export function tableRunner(candidate: Candidate, table: FeatureTable, context: TuneContext): CandidateRunner {
  const fit = (train: readonly number[]) => candidate.fit(selectRows(table, train), context);
  return {
    name: candidate.name,
    description: candidate.description,
    needs: candidate.needs,
    fit,
    async fitPredict(train, test) {
      const rule = fit(train);
      return predictTable(selectRows(table, test), rule.fusion, rule.decision);
    },
  };
}

export interface ExamplesRunnerInput {
  agentSet: AgentSet;
  embedder: Embedder | null;
  cacheDir: string | null;
  rows: readonly DatasetRow[];
  defaults: FittedRule;
  warn?: (message: string) => void;
}

/**
 * "Add the labeled prompts as agent examples": each fit builds an index with the training
 * rows' prompts as examples (so the head is retrained without the test rows) and routes the
 * test rows with the default rule. Costs one head training per fit.
 */
export function examplesRunner(input: ExamplesRunnerInput): CandidateRunner {
  const examplesOf = (train: readonly number[]) => examplesFrom(train.map((i) => input.rows[i]!));
  return {
    name: "examples",
    description: "labeled prompts as agent examples (head retrained per fold) + default rule",
    needs: {},
    fit: (train) => ({ ...input.defaults, examples: examplesOf(train) }),
    async fitPredict(train, test) {
      const index = await buildIndex(input.agentSet, {
        embedder: input.embedder,
        cacheDir: input.cacheDir,
        examples: examplesOf(train),
        warn: input.warn,
      });
      const table = await extractFeatureTable(
        index,
        test.map((i) => input.rows[i]!),
      );
      return predictTable(table, input.defaults.fusion, input.defaults.decision);
    },
  };
}

/**
 * Out-of-fold predictions of one runner over some rows: for each fold, fit on the other
 * folds' rows and predict the fold's. `folds[j]` is the fold of `rows[j]`; the result is
 * aligned with `rows`.
 */
export async function outOfFold(
  runner: CandidateRunner,
  rows: readonly number[],
  folds: readonly number[],
): Promise<number[][]> {
  const k = folds.reduce((a, b) => Math.max(a, b), -1) + 1;
  const out: number[][] = rows.map(() => []);
  for (let fold = 0; fold < k; fold++) {
    const at = rows.map((_, j) => j).filter((j) => folds[j] === fold);
    const train = rows.filter((_, j) => folds[j] !== fold);
    const predicted = await runner.fitPredict(
      train,
      at.map((j) => rows[j]!),
    );
    at.forEach((j, n) => (out[j] = predicted[n]!));
  }
  return out;
}
