import { TOOL_NAME, VERSION } from "../version.js";
import { roundTo } from "../util/numbers.js";
import { tunedConfig } from "./config-file.js";
import type { Verdict } from "./select.js";
import type { TuneResult } from "./tune.js";

export { renderTunedConfig } from "./config-file.js";

/** Version of the tune report JSON (`*.tune.json`). 2: verdicts, guard, nested estimate, config only when kept. */
export const TUNE_REPORT_VERSION = 2;

/**
 * The tune report written beside the config: where the figures come from (agents and
 * dataset hashes, folds, seed, mode), the small-data guard, every candidate's verdict
 * (fold figures, paired change against the defaults with its bootstrap interval, why it
 * won or not), the nested estimate, and the config written (null when the defaults stayed).
 */
export function buildTuneReport(result: TuneResult, now: Date = new Date()): Record<string, unknown> {
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
    guard: result.guard,
    chosen: result.chosen,
    kept: result.kept,
    heldOut: {
      before: roundScore(result.estimate.before),
      after: roundScore(result.estimate.after),
      delta: result.estimate.delta,
      chosenPerFold: result.estimate.chosen,
    },
    candidates: result.candidates.map((c) => ({
      name: c.name,
      description: c.description,
      accuracy: roundMeanSd(c.accuracy),
      macroF1: roundMeanSd(c.macroF1),
      delta: c.delta,
      wins: c.wins,
      why: c.why,
      folds: c.folds.map(roundScore),
    })),
    config: tunedConfig(result, now),
  };
}

/**
 * The terminal view: what the data can support, one line per candidate (held-out macro-F1,
 * paired change against the defaults, folds up, interval, verdict), the decision and why,
 * and the gain measured by nested cross-validation.
 */
export function renderTuneTable(result: TuneResult): string {
  const width = Math.max(9, ...result.candidates.map((c) => c.name.length));
  const mode = result.mode === "embeddings" ? `embeddings (${result.model})` : "keyword-only";
  const lines = [
    `agentroute tune: ${result.agents.path} (${result.agents.count} agents), ${mode}`,
    `${result.dataset.path}: ${result.dataset.rows} rows, ${result.folds}-fold cross-validation (seed ${result.seed}); figures on held-out folds only`,
    ...result.guard.summary.split("\n"),
    "",
    `  ${"candidate".padEnd(width)}  ${"macro-F1".padEnd(13)}  ${"Δ F1".padEnd(6)}  folds up  ${"95% interval".padEnd(16)}  verdict`,
    ...result.candidates.map((c, i) => candidateLine(c, i === 0, c.name === result.chosen, width)),
    "",
  ];
  if (result.rule === null) {
    lines.push(`kept the defaults, no config written: ${result.kept}`);
  } else {
    lines.push(`chosen: ${result.chosen} (${result.candidates.find((c) => c.name === result.chosen)!.why})`);
  }
  const { before, after, delta, chosen } = result.estimate;
  lines.push(
    `on prompts the selection never saw (nested cross-validation): macro-F1 ${before.macroF1.toFixed(3)} -> ${after.macroF1.toFixed(3)} (${signed(delta.macroF1)}, 95% interval [${delta.interval.low.toFixed(3)}, ${delta.interval.high.toFixed(3)}]); chosen per fold: ${chosen.join(", ")}`,
  );
  if (result.rule !== null) {
    lines.push(
      `fitted for ${result.mode === "embeddings" ? "embeddings" : "keyword-only"} routing: route and eval in the same mode (commands warn otherwise)`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function candidateLine(c: Verdict, base: boolean, chosen: boolean, width: number): string {
  const pm = `${c.macroF1.mean.toFixed(3)} ± ${c.macroF1.sd.toFixed(3)}`;
  const delta = base ? "" : signed(c.delta.mean);
  const up = base ? "" : `${c.delta.foldsUp}/${c.delta.folds}`;
  const range = base ? "" : `[${c.delta.interval.low.toFixed(3)}, ${c.delta.interval.high.toFixed(3)}]`;
  const verdict = base ? "baseline" : c.wins ? "wins" : c.why;
  return `${chosen ? "*" : " "} ${c.name.padEnd(width)}  ${pm}  ${delta.padEnd(6)}  ${up.padEnd(8)}  ${range.padEnd(16)}  ${verdict}`;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : "-"}${Math.abs(x).toFixed(3)}`;
}

function roundScore(f: { accuracy: number; macroF1: number }): { accuracy: number; macroF1: number } {
  return { accuracy: roundTo(f.accuracy, 4), macroF1: roundTo(f.macroF1, 4) };
}

function roundMeanSd(m: { mean: number; sd: number }): { mean: number; sd: number } {
  return { mean: roundTo(m.mean, 4), sd: roundTo(m.sd, 4) };
}
