import { createColors } from "picocolors";
import type { Comparison, FlippedCase } from "../eval/compare.js";
import type { GateReport } from "../eval/gate-report.js";
import { changedAgents, renderComparisonMd, type Sides } from "./comparison-md.js";
import { renderComparisonHtml } from "./comparison-html.js";
import { codeSpan, truncate } from "./escape.js";
import {
  formatInterval as range,
  formatLabels,
  formatNumber as n,
  formatSigned as signed,
  withThreeDecimals,
} from "./format.js";

export type { Sides } from "./comparison-md.js";

/** Comparison renderers by name (`compare --format`); html is comparison.html of an A/B run. */
export const comparisonRenderers = {
  table: (comparison: Comparison, sides: Sides, colour = false) =>
    [`compare: ${sides.a} → ${sides.b}`, "", ...renderComparisonText(comparison, sides, 50, colour)].join("\n"),
  md: (comparison: Comparison, sides: Sides) =>
    [
      `## agentroute compare: ${codeSpan(sides.a)} → ${codeSpan(sides.b)}`,
      "",
      ...renderComparisonMd(comparison, sides, 50),
    ].join("\n"),
  html: (comparison: Comparison, sides: Sides) => renderComparisonHtml(comparison, sides),
  json: (comparison: Comparison, sides: Sides) => `${JSON.stringify({ sides, ...comparison }, null, 2)}`,
} satisfies Record<string, (comparison: Comparison, sides: Sides, colour?: boolean) => string>;

export type ComparisonFormat = keyof typeof comparisonRenderers;
export const COMPARISON_FORMATS = Object.keys(comparisonRenderers) as ComparisonFormat[];

/**
 * Metric deltas (A → B) with paired intervals, per-agent F1 changes and every prompt whose
 * decision changed (right → wrong, wrong → right, wrong → a different wrong).
 *
 * @example
 * renderComparison(compareReports(a, b), "md", { a: "main", b: "this branch" })
 */
export function renderComparison(
  comparison: Comparison,
  format: ComparisonFormat,
  sides: Sides,
  colour = false,
): string {
  return comparisonRenderers[format](comparison, sides, colour);
}

/** The comparison for a terminal, one line per metric, agent and changed prompt. */
export function renderComparisonText(
  comparison: Comparison,
  sides: Sides,
  maxFlips: number,
  colour: boolean,
): string[] {
  const c = createColors(colour);
  const changed = changedAgents(comparison);
  const width = Math.max(16, ...changed.map((a) => a.agent.length));
  const paintDelta = (x: number | null, lowerIsBetter = false) => {
    const text = signed(x).padStart(9);
    if (x === null || x === 0) return text;
    return x > 0 !== lowerIsBetter ? c.green(text) : c.red(text);
  };
  const value = (x: number | null) => (x === null ? "-" : n(x)).padStart(9);
  const { onlyA, onlyB } = comparison.unmatched;
  return [
    ...(comparison.sameDataset ? [] : [c.yellow("note: the two runs used different datasets (hash differs)")]),
    ...(onlyA + onlyB > 0
      ? [c.yellow(`note: ${onlyA} prompt(s) only in ${sides.a}, ${onlyB} only in ${sides.b}`)]
      : []),
    `${"metric".padEnd(width)}${"A".padStart(9)}${"B".padStart(9)}${"Δ".padStart(9)}   paired 95% CI of Δ`,
    ...comparison.metrics.map(
      (m) =>
        `${m.metric.padEnd(width)}${value(m.a)}${value(m.b)}${paintDelta(m.delta, m.metric === "ECE")}   ${m.ci === null ? "" : range(m.ci)}`,
    ),
    ...(comparison.deltaCi === null
      ? []
      : [c.dim(`(intervals over ${comparison.deltaCi.pairs} shared prompts; without 0 = beyond noise)`)]),
    "",
    changed.length === 0 ? "no agent's F1 changed" : "F1 per agent (changed only, largest drop first):",
    ...changed.map(
      (a) =>
        `${a.agent.padEnd(width)}${value(a.a)}${value(a.b)}${paintDelta(a.delta)}   ${range(a.ci).padEnd(18)}  support ${a.support}`,
    ),
    "",
    ...flipsText(c.red("right → wrong"), comparison.flipped.rightToWrong, maxFlips),
    ...flipsText(c.green("wrong → right"), comparison.flipped.wrongToRight, maxFlips),
    ...flipsText(c.yellow("wrong → a different wrong"), comparison.flipped.wrongToWrong, maxFlips),
  ];
}

function flipsText(title: string, flips: FlippedCase[], max: number): string[] {
  return [
    `${title}: ${flips.length}`,
    ...flips
      .slice(0, max)
      .map(
        (f) =>
          `  line ${f.line}: "${truncate(f.prompt, 80)}"  expected ${formatLabels(f.expected)}: ${formatLabels(f.before)} (${n(f.confidence.before)}) → ${formatLabels(f.after)} (${n(f.confidence.after)})`,
      ),
    ...(flips.length > max ? [`  … and ${flips.length - max} more`] : []),
    "",
  ];
}

/**
 * The gate for a terminal: the verdict first (green PASS, red FAIL), failures, notes, then
 * what changed against the baseline.
 *
 * @example
 * io.out(renderGate(report.gate, { colour: true }));
 */
export function renderGate(gate: GateReport, options: { colour?: boolean; maxFlips?: number } = {}): string {
  const c = createColors(options.colour ?? false);
  const count = gate.failures.length;
  const head = gate.passed
    ? c.bold(c.green("gate: PASS"))
    : c.bold(c.red(`gate: FAIL (${count} failure${count === 1 ? "" : "s"})`));
  return [
    `${head}${gate.baseline === null ? "" : ` against ${gate.baseline.path}`}`,
    ...gate.failures.map((f) => `  ${c.red("✗")} ${withThreeDecimals(f.message)}`),
    ...gate.notes.map((note) => `  ${c.yellow("note:")} ${withThreeDecimals(note)}`),
    ...(gate.comparison === null
      ? []
      : [
          "",
          ...renderComparisonText(
            gate.comparison,
            { a: "baseline", b: "this run" },
            options.maxFlips ?? 50,
            options.colour ?? false,
          ),
        ]),
  ].join("\n");
}
