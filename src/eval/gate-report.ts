import { compareReports, type Comparison } from "./compare.js";
import { checkGate, type GateFailure, type GateOptions } from "./gate.js";
import type { EvalReport } from "./types.js";

/**
 * The gate section of report.json (schemaVersion 2): the verdict first, then why. With a
 * baseline, `comparison` holds each metric's change with its paired interval, every agent's F1
 * change and every prompt whose decision changed; with only `--min-macro-f1` it is null.
 */
export interface GateReport {
  passed: boolean;
  /** The baseline report as the user named it (relative to cwd) and when it was made. */
  baseline: { path: string; createdAt: string } | null;
  limits: { maxDrop: number; maxAgentDrop: number; minMacroF1: number | null };
  failures: GateFailure[];
  notes: string[];
  comparison: Comparison | null;
}

/**
 * Runs the gate (checkGate decides the verdict) and keeps what a reader of the report needs.
 *
 * @example
 * report.gate = buildGateReport(report, { report: baseline, path: "reports/baseline.json" }, { maxDrop: 0.02 });
 * report.gate.passed // true
 */
export function buildGateReport(
  current: EvalReport,
  baseline: { report: EvalReport; path: string } | undefined,
  options: GateOptions = {},
): GateReport {
  const gate = checkGate(baseline?.report ?? current, current, options);
  const maxDrop = options.maxDrop ?? 0.02;
  return {
    passed: gate.passed,
    baseline: baseline === undefined ? null : { path: baseline.path, createdAt: baseline.report.createdAt },
    limits: { maxDrop, maxAgentDrop: options.maxAgentDrop ?? maxDrop, minMacroF1: options.minMacroF1 ?? null },
    failures: gate.failures,
    notes: gate.notes,
    comparison: baseline === undefined ? null : compareReports(baseline.report, current),
  };
}
