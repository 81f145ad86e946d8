import type { FeatureTable } from "./feature-table.js";

export interface MeanSd {
  mean: number;
  sd: number;
}

export interface FoldScore {
  accuracy: number;
  macroF1: number;
}

/** The rows of a table at the given indices (same agents). */
export function selectRows(table: FeatureTable, indices: readonly number[]): FeatureTable {
  return { agents: table.agents, rows: indices.map((i) => table.rows[i]!) };
}

/** Mean and sample standard deviation (0 for a single value). */
export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / Math.max(n, 1);
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}
