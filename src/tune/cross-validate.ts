import type { Candidate, TuneContext } from "./candidates.js";
import type { FeatureTable } from "./feature-table.js";
import { fuseTable, scoreFused } from "./fit.js";

export interface MeanSd {
  mean: number;
  sd: number;
}

export interface FoldScore {
  accuracy: number;
  macroF1: number;
}

/** A candidate's held-out figures, fold by fold and summarised. */
export interface CandidateScore {
  name: string;
  description: string;
  folds: FoldScore[];
  accuracy: MeanSd;
  macroF1: MeanSd;
}

/** The rows of a table at the given indices (same agents). */
export function selectRows(table: FeatureTable, indices: readonly number[]): FeatureTable {
  return { agents: table.agents, rows: indices.map((i) => table.rows[i]!) };
}

/**
 * k-fold cross-validation of every candidate: for each fold, each candidate is fitted on the
 * other folds' rows only and scored on the fold's rows, so no figure comes from rows the fit saw.
 *
 * @example
 * const scores = crossValidate(table, assignFolds(labels, 5, 1), CANDIDATES, context);
 * scores[0].macroF1 // { mean: 0.66, sd: 0.04 } (the defaults)
 */
export function crossValidate(
  table: FeatureTable,
  folds: readonly number[],
  candidates: readonly Candidate[],
  context: TuneContext,
): CandidateScore[] {
  const k = folds.reduce((a, b) => Math.max(a, b), -1) + 1;
  const perCandidate: FoldScore[][] = candidates.map(() => []);
  for (let fold = 0; fold < k; fold++) {
    const rows = table.rows.map((_, i) => i);
    const train = selectRows(
      table,
      rows.filter((i) => folds[i] !== fold),
    );
    const test = selectRows(
      table,
      rows.filter((i) => folds[i] === fold),
    );
    candidates.forEach((candidate, c) => {
      const rule = candidate.fit(train, context);
      perCandidate[c]!.push(scoreFused(fuseTable(test, rule.fusion), rule.decision));
    });
  }
  return candidates.map((candidate, c) => ({
    name: candidate.name,
    description: candidate.description,
    folds: perCandidate[c]!,
    accuracy: meanSd(perCandidate[c]!.map((f) => f.accuracy)),
    macroF1: meanSd(perCandidate[c]!.map((f) => f.macroF1)),
  }));
}

/** Mean and sample standard deviation (0 for a single value). */
export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / Math.max(n, 1);
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

/** The candidate with the best mean macro-F1; ties (within 1e-9) go to the earlier, simpler one. */
export function pickBest(scores: readonly CandidateScore[]): CandidateScore {
  return scores.reduce((best, s) => (s.macroF1.mean > best.macroF1.mean + 1e-9 ? s : best));
}
