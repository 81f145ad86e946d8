import { resolveConfig } from "../classify/config.js";
import { featuresIn, FEATURE_NAMES } from "../classify/scorers/features.js";
import { prepareQuery } from "../classify/query.js";
import { createScorer } from "../classify/scorers/registry.js";
import type { DatasetRow } from "../eval/types.js";
import type { AgentIndex } from "../indexing/types.js";

/** The router's features for every (prompt, agent) of a labeled dataset. */
export interface FeatureTable {
  agents: string[];
  rows: FeatureRow[];
}

export interface FeatureRow {
  prompt: string;
  /** Agent indices that should take the prompt ([] = none). */
  expected: number[];
  /** features[f][a]: feature FEATURE_NAMES[f] of agent a; null when the mode declares it absent. */
  features: (Float64Array | null)[];
}

/**
 * Routes every labeled prompt once and keeps the raw features, so fusion weights and
 * thresholds can be fitted (and cross-validated) without routing again.
 */
export async function extractFeatureTable(
  index: AgentIndex,
  rows: readonly DatasetRow[],
  onProgress?: (done: number, total: number) => void,
): Promise<FeatureTable> {
  const scorer = createScorer(index, resolveConfig({ scorer: "fused" }));
  const present = new Set<string>(featuresIn(index.embedder ? "embeddings" : "keyword"));
  const byName = new Map(index.agents.map((a, i) => [a.name.toLowerCase(), i]));
  const out: FeatureRow[] = [];
  const chunk = 256;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const vectors = index.embedder ? await index.embedder.embed(part.map((r) => r.prompt)) : part.map(() => null);
    part.forEach((row, i) => {
      const q = prepareQuery(index, row.prompt, vectors[i] ?? null);
      const f = scorer.score(q).features;
      out.push({
        prompt: row.prompt,
        expected: row.expected.map((e) => byName.get(e.toLowerCase())).filter((a): a is number => a !== undefined),
        features: FEATURE_NAMES.map((name) => (present.has(name) ? f[name]! : null)),
      });
    });
    onProgress?.(out.length, rows.length);
  }
  return { agents: index.agents.map((a) => a.name), rows: out };
}
