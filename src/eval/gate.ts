import type { EvalReport, Interval } from "./types.js";
import { compareReports, type Comparison } from "./compare.js";

export interface GateOptions {
  /** Largest allowed drop of macro-F1, accuracy or any agent's F1 (absolute). Default 0.02. */
  maxDrop?: number;
  /**
   * Largest allowed drop of one agent's F1; default `maxDrop`. With 10-30 rows an agent, one
   * flipped prompt moves its F1 by 0.03-0.05, so small sets may want a looser per-agent bound.
   */
  maxAgentDrop?: number;
  /** Floor for macro-F1 regardless of the baseline. */
  minMacroF1?: number;
  /**
   * Fail on any agent F1 drop past the tolerance, even when its paired interval includes 0
   * (the behaviour before noise-aware gating). Default false.
   */
  strict?: boolean;
}

export interface GateFailure {
  metric: string;
  baseline: number | null;
  current: number | null;
  message: string;
}

export interface GateResult {
  passed: boolean;
  failures: GateFailure[];
  /** Things worth knowing that do not fail the gate (new agents, different dataset, drops within noise). */
  notes: string[];
  flipped: Comparison["flipped"];
}

// Rounded metrics differ from their true values by up to 5e-5; never fail on that.
const EPSILON = 1e-4;

/**
 * Regression gate: fails when macro-F1 or accuracy dropped by more than `maxDrop` against the
 * baseline, when an agent of the baseline is missing, or when macro-F1 is under `minMacroF1`.
 * An agent's F1 drop past `maxAgentDrop` fails only when its paired-bootstrap interval
 * excludes 0 (a drop beyond noise); one whose interval includes 0 becomes a note saying so.
 * With 10 prompts an agent, one flipped prompt moves its F1 by 0.05: without the interval
 * test, harmless edits fail. `strict` fails on the tolerance alone (the old rule).
 *
 * @example
 * const gate = checkGate(await readReport("reports/baseline.json"), report, { maxDrop: 0.02 });
 * gate.passed // false
 * gate.failures[0].message // "macro F1 dropped 0.0412 (0.8512 → 0.81), more than 0.02; …"
 */
export function checkGate(baseline: EvalReport, current: EvalReport, options: GateOptions = {}): GateResult {
  const maxDrop = options.maxDrop ?? 0.02;
  const maxAgentDrop = options.maxAgentDrop ?? maxDrop;
  const failures: GateFailure[] = [];
  const notes: string[] = [];
  const comparison = compareReports(baseline, current);
  const delta = comparison.deltaCi;
  const headline: [string, number, number, Interval | null][] = [
    ["macro F1", baseline.summary.macro.f1, current.summary.macro.f1, delta?.macroF1 ?? null],
    ["accuracy", baseline.summary.accuracy, current.summary.accuracy, delta?.accuracy ?? null],
  ];
  for (const [metric, before, after, interval] of headline) {
    if (before - after > maxDrop + EPSILON) {
      failures.push({
        metric,
        baseline: before,
        current: after,
        message: `${dropText(metric, before, after, maxDrop)}; ${noiseText(interval, delta?.pairs ?? 0)}`,
      });
    }
  }
  for (const agent of comparison.agents) {
    if (agent.a !== null && agent.b === null) {
      failures.push({
        metric: `F1 ${agent.agent}`,
        baseline: agent.a,
        current: null,
        message: `agent ${agent.agent} is in the baseline but not in this run's agent set`,
      });
    } else if (agent.a === null) {
      notes.push(`agent ${agent.agent} is new (not in the baseline): F1 ${agent.b}`);
    } else if (agent.b !== null && agent.a - agent.b > maxAgentDrop + EPSILON) {
      const message = `${dropText(`F1 of ${agent.agent}`, agent.a, agent.b, maxAgentDrop)} (support ${agent.support}); ${noiseText(agent.ci, delta?.pairs ?? 0)}`;
      if (options.strict || !withinNoise(agent.ci)) {
        failures.push({ metric: `F1 ${agent.agent}`, baseline: agent.a, current: agent.b, message });
      } else {
        notes.push(`${message}; not a failure (--strict fails on the tolerance alone)`);
      }
    }
  }
  if (options.minMacroF1 !== undefined && current.summary.macro.f1 < options.minMacroF1) {
    failures.push({
      metric: "macro F1 floor",
      baseline: options.minMacroF1,
      current: current.summary.macro.f1,
      message: `macro F1 ${current.summary.macro.f1} is below the floor ${options.minMacroF1}`,
    });
  }
  if (!comparison.sameDataset)
    notes.push("the baseline was computed on a different dataset (hash differs): deltas mix data and routing changes");
  if (baseline.mode.kind !== current.mode.kind || baseline.mode.model !== current.mode.model) {
    notes.push(
      `the baseline ran in ${describeMode(baseline)} mode, this run in ${describeMode(current)}: the figures measure different routers`,
    );
  }
  const { onlyA, onlyB } = comparison.unmatched;
  if (onlyA + onlyB > 0) notes.push(`${onlyA} baseline prompt(s) and ${onlyB} current prompt(s) have no counterpart`);
  return { passed: failures.length === 0, failures, notes, flipped: comparison.flipped };
}

/** An interval of the change that includes 0: the drop cannot be told from noise (no interval: it can). */
function withinNoise(interval: Interval | null): boolean {
  return interval !== null && interval.high >= 0;
}

function describeMode(report: EvalReport): string {
  return report.mode.model === null ? report.mode.kind : `${report.mode.kind} (${report.mode.model})`;
}

function dropText(metric: string, before: number, after: number, maxDrop: number): string {
  return `${metric} dropped ${(before - after).toFixed(4)} (${before} → ${after}), more than ${maxDrop}`;
}

function noiseText(interval: Interval | null, pairs: number): string {
  if (interval === null) return "no shared prompts, so no interval for the change";
  const range = `[${interval.low}, ${interval.high}]`;
  return interval.high >= 0
    ? `the paired 95% CI of the change over ${pairs} shared prompts is ${range} and includes 0: the drop may be noise on this dataset size`
    : `the paired 95% CI of the change over ${pairs} shared prompts is ${range}: a real drop, beyond noise`;
}
