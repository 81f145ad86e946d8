import path from "node:path";
import { resolveConfig } from "../classify/config.js";
import { featuresIn } from "../classify/scorers/features.js";
import { openRouter, type OpenRouterOptions } from "../pipeline/open.js";
import type { RouteMode } from "../classify/types.js";
import { readDataset } from "../inputs/dataset.js";
import { displayPath } from "../eval/evaluate.js";
import { CANDIDATES, type Candidate, type FittedRule, type TuneContext } from "./candidates.js";
import { defaultCacheDir } from "../embed/cache.js";
import { extractFeatureTable } from "./feature-table.js";
import { assignFolds, primaryLabel } from "./folds.js";
import type { DataGuard } from "./guard.js";
import { nestedEstimate, selectCandidate, type NestedEstimate } from "./nested.js";
import { examplesRunner, tableRunner } from "./runners.js";
import type { Verdict } from "./select.js";

export interface TuneOptions extends Omit<OpenRouterOptions, "agentsDir" | "agentSet" | "config" | "configPath"> {
  agentsDir?: string;
  /** Labeled dataset (CSV or JSONL), as for eval. */
  dataset: string;
  /** Cross-validation folds (default 5). */
  folds?: number;
  /** Seed of the fold assignment (default 1). */
  seed?: number;
  candidates?: readonly Candidate[];
  /** Also try the labeled prompts as agent examples (one head training per fold). Default true. */
  examples?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface TuneResult {
  mode: RouteMode;
  model: string | null;
  agents: { path: string; count: number; hash: string };
  dataset: { path: string; rows: number; hash: string };
  folds: number;
  seed: number;
  /** What the data can support, and the candidates it was too small for. */
  guard: DataGuard;
  /** Cross-validated verdicts of the candidates tried, in candidate order (the first is the defaults). */
  candidates: Verdict[];
  /** The winning candidate, or "defaults" when none won. */
  chosen: string;
  /** The winner fitted on every row (what the config file holds), or null: the defaults stay, write nothing. */
  rule: FittedRule | null;
  /** Why the defaults stayed (null when a candidate won). */
  kept: string | null;
  /** The gain of the whole procedure on rows its selection never saw (nested cross-validation). */
  estimate: NestedEstimate;
}

/**
 * Tunes the router for one agent set and labeled dataset: routes every prompt once to get
 * the features, cross-validates each candidate the data can support against the defaults,
 * keeps a candidate only when it wins on most folds and beyond noise, fits it on all rows,
 * and measures the whole procedure by nested cross-validation. Deterministic for a given
 * seed. The defaults are always the baseline: an existing config file is not read.
 *
 * @example
 * const result = await tuneRouter({ agentsDir: "agents", dataset: "datasets/example.csv", embeddings: false });
 * result.rule === null ? result.kept : result.chosen // "threshold: rose on 1/5 folds (needs 3); …"
 */
export async function tuneRouter(options: TuneOptions): Promise<TuneResult> {
  const cwd = options.cwd ?? process.cwd();
  const { dataset: datasetPath, folds: k = 5, seed = 1, candidates = CANDIDATES, onProgress, ...rest } = options;
  const { examples: _examples, ...routerOptions } = rest;
  const defaults = resolveConfig({});
  const opened = await openRouter({
    ...routerOptions,
    cwd,
    agentsDir: options.agentsDir === undefined ? undefined : path.resolve(cwd, options.agentsDir),
    config: defaults,
  });
  try {
    const datasetFile = path.resolve(cwd, datasetPath);
    const dataset = await readDataset(datasetFile, {
      agentNames: opened.router.agentNames,
      label: displayPath(cwd, datasetFile),
    });
    const labels = dataset.rows.map((r) => primaryLabel(r.expected));
    const folds = assignFolds(labels, k, seed);
    const table = await extractFeatureTable(opened.index, dataset.rows, onProgress);
    const mode = opened.router.mode;
    const context: TuneContext = {
      defaults: {
        fusion: defaults.fusion[mode],
        decision: { threshold: defaults.threshold, agentThresholds: defaults.agentThresholds, multi: defaults.multi },
      },
      features: featuresIn(mode),
    };
    const runners = candidates.map((c) => tableRunner(c, table, context));
    if (options.examples !== false) {
      const cacheDir =
        options.cacheDir === undefined ? defaultCacheDir(cwd, options.env ?? process.env) : options.cacheDir;
      const input = { agentSet: opened.agentSet, embedder: opened.index.embedder, cacheDir, rows: dataset.rows };
      runners.push(examplesRunner({ ...input, defaults: context.defaults, warn: options.warn }));
    }
    const data = { agents: table.agents, expected: table.rows.map((r) => r.expected), labels };
    const all = dataset.rows.map((_, i) => i);
    const selection = await selectCandidate(runners, data, all, folds);
    const estimate = await nestedEstimate(runners, data, folds, seed);
    const winner = selection.winner;
    return {
      mode,
      model: opened.router.model,
      agents: {
        path: opened.agentsLabel,
        count: opened.agentSet.agents.length,
        hash: opened.agentSet.hash,
      },
      dataset: { path: dataset.path, rows: dataset.rows.length, hash: dataset.hash },
      folds: k,
      seed,
      guard: selection.guard,
      candidates: selection.verdicts,
      chosen: winner?.name ?? runners[0]!.name,
      rule: winner ? runners.find((r) => r.name === winner.name)!.fit(all) : null,
      kept: winner ? null : keptBecause(selection.verdicts),
      estimate,
    };
  } finally {
    await opened.close();
  }
}

/** Why no candidate replaced the defaults: the best-scoring one's failed tests. */
function keptBecause(verdicts: readonly Verdict[]): string {
  const others = verdicts.slice(1);
  if (others.length === 0) return "no candidate could be tried on this little data";
  const best = others.reduce((b, v) => (v.delta.mean > b.delta.mean + 1e-9 ? v : b));
  const sign = best.delta.mean >= 0 ? "+" : "-";
  return `the best candidate, ${best.name} (${sign}${Math.abs(best.delta.mean).toFixed(3)} macro-F1), ${best.why}`;
}
