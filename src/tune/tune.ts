import path from "node:path";
import { resolveConfig } from "../classify/config.js";
import { featuresIn } from "../classify/scorers/features.js";
import { openRouter, type OpenRouterOptions } from "../pipeline/open.js";
import type { RouteMode } from "../classify/types.js";
import { readDataset } from "../inputs/dataset.js";
import { displayPath } from "../eval/evaluate.js";
import { CANDIDATES, type Candidate, type FittedRule, type TuneContext } from "./candidates.js";
import { crossValidate, pickBest, type CandidateScore } from "./cross-validate.js";
import { defaultCacheDir } from "../embed/cache.js";
import { crossValidateExamples, EXAMPLES_CANDIDATE, examplesFrom } from "./examples-candidate.js";
import { extractFeatureTable } from "./feature-table.js";
import { assignFolds, primaryLabel } from "./folds.js";

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
  /** Cross-validated figures of every candidate, in candidate order (the first is the defaults). */
  candidates: CandidateScore[];
  /** Name of the candidate with the best cross-validated macro-F1. */
  chosen: string;
  /** The chosen candidate fitted on every row: what the config file holds. */
  rule: FittedRule;
}

/**
 * Tunes the router for one agent set and labeled dataset: routes every prompt once to get
 * the features, cross-validates each candidate, then fits the best one on all rows.
 * Deterministic for a given seed. The defaults are always the baseline: an existing config
 * file is not read.
 *
 * @example
 * const result = await tuneRouter({ agentsDir: "agents", dataset: "datasets/example.csv", embeddings: false });
 * result.candidates.map((c) => [c.name, c.macroF1.mean]) // [["defaults", 0.71], ["threshold", 0.74], …]
 */
export async function tuneRouter(options: TuneOptions): Promise<TuneResult> {
  const cwd = options.cwd ?? process.cwd();
  const {
    dataset: datasetPath,
    folds: k = 5,
    seed = 1,
    candidates = CANDIDATES,
    onProgress,
    examples: _examples,
    ...routerOptions
  } = options;
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
    const folds = assignFolds(
      dataset.rows.map((r) => primaryLabel(r.expected)),
      k,
      seed,
    );
    const table = await extractFeatureTable(opened.index, dataset.rows, onProgress);
    const mode = opened.router.mode;
    const context: TuneContext = {
      defaults: {
        fusion: defaults.fusion[mode],
        decision: { threshold: defaults.threshold, agentThresholds: defaults.agentThresholds, multi: defaults.multi },
      },
      features: featuresIn(mode),
    };
    const scores = crossValidate(table, folds, candidates, context);
    if (options.examples !== false) {
      const cacheDir =
        options.cacheDir === undefined ? defaultCacheDir(cwd, options.env ?? process.env) : options.cacheDir;
      const input = {
        agentSet: opened.agentSet,
        embedder: opened.index.embedder,
        cacheDir,
        rows: dataset.rows,
        folds,
        defaults: context.defaults,
        warn: options.warn,
      };
      scores.push(await crossValidateExamples(input));
    }
    const best = pickBest(scores);
    const rule =
      best.name === EXAMPLES_CANDIDATE.name
        ? { ...context.defaults, examples: examplesFrom(dataset.rows) }
        : candidates.find((c) => c.name === best.name)!.fit(table, context);
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
      candidates: scores,
      chosen: best.name,
      rule,
    };
  } finally {
    await opened.close();
  }
}
