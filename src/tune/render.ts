import type { FusionWeights } from "../classify/defaults.js";
import { FEATURE_NAMES } from "../classify/scorers/features.js";
import { TOOL_NAME, VERSION } from "../version.js";
import type { FittedRule } from "./candidates.js";
import type { CandidateScore } from "./cross-validate.js";
import type { TuneResult } from "./tune.js";
import { roundTo } from "../util/numbers.js";

/**
 * The config file `tune` writes: only what was fitted (threshold, per-agent thresholds,
 * multi-dispatch rule, the fusion of the mode that was tuned), keys in a fixed order, no
 * date, so two runs with one seed give byte-identical files. Fields left out take the
 * router's defaults when the file is read (the other mode's fusion among them).
 *
 * @example
 * renderTunedConfig(result) // '{\n  "threshold": 0.45,\n  "agentThresholds": {},\n  "multi": {…},\n  "fusion": {"embeddings": {…}}\n}\n'
 */
export function renderTunedConfig(result: Pick<TuneResult, "mode" | "rule">): string {
  return `${JSON.stringify(tunedConfig(result.rule, result.mode), null, 2)}\n`;
}

function tunedConfig(rule: FittedRule, mode: TuneResult["mode"]): Record<string, unknown> {
  const { threshold, agentThresholds, multi } = rule.decision;
  return {
    threshold,
    agentThresholds: sortKeys(agentThresholds),
    multi: sortKeys(multi as Record<string, number>),
    fusion: { [mode]: orderedFusion(rule.fusion) },
    ...(rule.examples ? { examples: sortKeys(rule.examples) } : {}),
  };
}

function orderedFusion(fusion: FusionWeights): FusionWeights {
  const weights: FusionWeights["weights"] = {};
  for (const name of FEATURE_NAMES) if (fusion.weights[name] !== undefined) weights[name] = fusion.weights[name];
  return { bias: fusion.bias, weights };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Version of the tune report JSON (`*.tune.json`). */
export const TUNE_REPORT_VERSION = 1;

/**
 * The tune report written beside the config: where the figures come from (agents and
 * dataset hashes, folds, seed, mode) and every candidate's cross-validated figures.
 * Shape: { schemaVersion, tool, createdAt, mode, model, agents, dataset, folds, seed,
 * chosen, before, after, candidates: [{ name, description, accuracy, macroF1, deltaMacroF1:
 * { mean, foldsUp, folds } (paired against the defaults), folds }], config }.
 */
export function buildTuneReport(result: TuneResult, now: Date = new Date()): Record<string, unknown> {
  const before = result.candidates[0]!;
  const after = result.candidates.find((c) => c.name === result.chosen)!;
  const figures = (c: CandidateScore) => ({ accuracy: roundMeanSd(c.accuracy), macroF1: roundMeanSd(c.macroF1) });
  return {
    schemaVersion: TUNE_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    createdAt: now.toISOString(),
    mode: result.mode,
    model: result.model,
    agents: result.agents,
    dataset: result.dataset,
    folds: result.folds,
    seed: result.seed,
    chosen: result.chosen,
    before: { candidate: before.name, ...figures(before) },
    after: { candidate: after.name, ...figures(after) },
    candidates: result.candidates.map((c) => ({
      name: c.name,
      description: c.description,
      ...figures(c),
      deltaMacroF1: pairedDelta(c, before),
      folds: c.folds.map((f) => ({ accuracy: roundTo(f.accuracy, 4), macroF1: roundTo(f.macroF1, 4) })),
    })),
    config: tunedConfig(result.rule, result.mode),
  };
}

/**
 * The terminal table: one line per candidate with its cross-validated accuracy and
 * macro-F1 (mean ± sd over folds), the chosen one marked, then before → after.
 */
export function renderTuneTable(result: TuneResult): string {
  const width = Math.max(9, ...result.candidates.map((c) => c.name.length));
  const pm = (m: { mean: number; sd: number }) => `${m.mean.toFixed(3)} ± ${m.sd.toFixed(3)}`;
  const lines = [
    `agentroute tune: ${result.agents.path} (${result.agents.count} agents), ${result.mode === "embeddings" ? `embeddings (${result.model})` : "keyword-only"}`,
    `${result.dataset.path}: ${result.dataset.rows} rows, ${result.folds}-fold cross-validation (seed ${result.seed}); figures on held-out folds only`,
    "",
    `  ${"candidate".padEnd(width)}  ${"accuracy".padEnd(13)}  ${"macro-F1".padEnd(13)}  ${"Δ F1 (folds up)".padEnd(16)}  what it fits`,
    ...result.candidates.map(
      (c) =>
        `${c.name === result.chosen ? "*" : " "} ${c.name.padEnd(width)}  ${pm(c.accuracy)}  ${pm(c.macroF1)}  ${formatDelta(c, result.candidates[0]!).padEnd(16)}  ${c.description}`,
    ),
    "",
  ];
  const before = result.candidates[0]!;
  const after = result.candidates.find((c) => c.name === result.chosen)!;
  lines.push(
    `before (${before.name}): accuracy ${before.accuracy.mean.toFixed(3)}, macro-F1 ${before.macroF1.mean.toFixed(3)}`,
  );
  lines.push(
    `after  (${after.name}): accuracy ${after.accuracy.mean.toFixed(3)}, macro-F1 ${after.macroF1.mean.toFixed(3)}`,
  );
  if (after === before)
    lines.push("no candidate beat the defaults on held-out folds; the file written holds the defaults");
  // The config has one set of thresholds for both modes: they were fitted for this one.
  lines.push(
    `fitted for ${result.mode === "embeddings" ? "embeddings" : "keyword-only"} routing: route and eval in the same mode (the thresholds apply to both)`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Macro-F1 change against the defaults on the same folds, and on how many folds it rose.
 * Fold-by-fold pairs remove the fold difficulty that the sd columns include.
 */
function pairedDelta(c: CandidateScore, base: CandidateScore): { mean: number; foldsUp: number; folds: number } {
  const deltas = c.folds.map((f, i) => f.macroF1 - base.folds[i]!.macroF1);
  const mean = deltas.reduce((s, d) => s + d, 0) / Math.max(deltas.length, 1);
  return { mean: roundTo(mean, 4), foldsUp: deltas.filter((d) => d > 1e-9).length, folds: deltas.length };
}

/** "+0.012 (4/5)", or "" for the defaults themselves. */
function formatDelta(c: CandidateScore, base: CandidateScore): string {
  if (c === base) return "";
  const d = pairedDelta(c, base);
  return `${d.mean >= 0 ? "+" : "-"}${Math.abs(d.mean).toFixed(3)} (${d.foldsUp}/${d.folds})`;
}

function roundMeanSd(m: { mean: number; sd: number }): { mean: number; sd: number } {
  return { mean: roundTo(m.mean, 4), sd: roundTo(m.sd, 4) };
}
