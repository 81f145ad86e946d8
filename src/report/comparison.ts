import type { Comparison, FlippedCase } from "../eval/compare.js";
import type { GateResult } from "../eval/gate.js";
import type { Interval } from "../eval/types.js";
import { escapeMarkdownCell as cell, truncate } from "./escape.js";
import { formatLabels } from "./format.js";

export type ComparisonFormat = "table" | "md";

/** Names of the two sides, e.g. { a: "old.json", b: "new.json" }. */
export interface Sides {
  a: string;
  b: string;
}

const signed = (x: number | null): string => (x === null ? "n/a" : `${x > 0 ? "+" : ""}${x.toFixed(4)}`);
const value = (x: number | null): string => (x === null ? "-" : x.toFixed(4));
const range = (ci: Interval | null): string => (ci === null ? "n/a" : `[${signed(ci.low)}, ${signed(ci.high)}]`);

/**
 * Metric deltas (A → B), per-agent F1 changes and flipped prompts, as a terminal table or
 * Markdown (for a PR comment). Agents whose F1 did not change are left out of the agent list.
 *
 * @example
 * renderComparison(compareReports(a, b), "md", { a: "main", b: "this branch" })
 */
export function renderComparison(
  comparison: Comparison,
  format: ComparisonFormat,
  sides: Sides,
  maxFlips = 50,
): string {
  const changed = comparison.agents.filter((agent) => agent.delta !== 0);
  const flips = comparison.flipped;
  const ci = comparison.deltaCi;
  const ciLine =
    ci === null
      ? []
      : [
          `Paired 95% CI of Δ over ${ci.pairs} shared prompts (bootstrap, ${ci.resamples} resamples): ` +
            `accuracy [${signed(ci.accuracy.low)}, ${signed(ci.accuracy.high)}], macro F1 [${signed(ci.macroF1.low)}, ${signed(ci.macroF1.high)}]; an interval without 0 is beyond noise.`,
        ];
  const notes = [
    ...(comparison.sameDataset ? [] : ["Note: the two runs used different datasets (hash differs)."]),
    ...(comparison.unmatched.onlyA + comparison.unmatched.onlyB > 0
      ? [
          `Note: ${comparison.unmatched.onlyA} prompt(s) only in ${sides.a}, ${comparison.unmatched.onlyB} only in ${sides.b}.`,
        ]
      : []),
  ];
  if (format === "md") {
    return [
      `## agentroute compare: ${cell(sides.a)} → ${cell(sides.b)}`,
      "",
      ...notes.map((note) => `${note}\n`),
      "| metric | A | B | Δ |",
      "| --- | ---: | ---: | ---: |",
      ...comparison.metrics.map((m) => `| ${m.metric} | ${value(m.a)} | ${value(m.b)} | ${signed(m.delta)} |`),
      "",
      ...ciLine.flatMap((line) => [line, ""]),
      "### F1 per agent (changed only)",
      "",
      ...(changed.length === 0
        ? ["No agent's F1 changed.", ""]
        : [
            "| agent | A | B | Δ | 95% CI of Δ | support |",
            "| --- | ---: | ---: | ---: | --- | ---: |",
            ...changed.map(
              (a) =>
                `| ${cell(a.agent)} | ${value(a.a)} | ${value(a.b)} | ${signed(a.delta)} | ${range(a.ci)} | ${a.support} |`,
            ),
            "",
          ]),
      ...renderFlipsMd("Right → wrong", flips.rightToWrong, maxFlips),
      ...renderFlipsMd("Wrong → right", flips.wrongToRight, maxFlips),
    ].join("\n");
  }
  const width = Math.max(16, ...changed.map((a) => a.agent.length));
  return [
    `compare: ${sides.a} → ${sides.b}`,
    ...notes,
    "",
    `${"metric".padEnd(width)}${"A".padStart(10)}${"B".padStart(10)}${"Δ".padStart(10)}`,
    ...comparison.metrics.map(
      (m) =>
        `${m.metric.padEnd(width)}${value(m.a).padStart(10)}${value(m.b).padStart(10)}${signed(m.delta).padStart(10)}`,
    ),
    ...ciLine,
    "",
    changed.length === 0 ? "no agent's F1 changed" : "F1 per agent (changed only):",
    ...changed.map(
      (a) =>
        `${a.agent.padEnd(width)}${value(a.a).padStart(10)}${value(a.b).padStart(10)}${signed(a.delta).padStart(10)}   CI ${range(a.ci).padEnd(19)}  support ${a.support}`,
    ),
    "",
    ...renderFlipsText("right → wrong", flips.rightToWrong, maxFlips),
    ...renderFlipsText("wrong → right", flips.wrongToRight, maxFlips),
  ].join("\n");
}

function renderFlipsText(title: string, flips: FlippedCase[], max: number): string[] {
  return [
    `${title}: ${flips.length}`,
    ...flips
      .slice(0, max)
      .map(
        (f) =>
          `  line ${f.line}: "${truncate(f.prompt, 80)}"  expected ${formatLabels(f.expected)}: ${formatLabels(f.before)} → ${formatLabels(f.after)}`,
      ),
    ...(flips.length > max ? [`  … and ${flips.length - max} more`] : []),
    "",
  ];
}

function renderFlipsMd(title: string, flips: FlippedCase[], max: number): string[] {
  if (flips.length === 0) return [`### ${title}: none`, ""];
  return [
    `### ${title}: ${flips.length}`,
    "",
    "| line | prompt | expected | before | after | why (after) |",
    "| ---: | --- | --- | --- | --- | --- |",
    ...flips
      .slice(0, max)
      .map(
        (f) =>
          `| ${f.line} | ${cell(truncate(f.prompt, 120))} | ${cell(formatLabels(f.expected))} | ${cell(formatLabels(f.before))} | ${cell(formatLabels(f.after))} | ${cell(truncate(f.reason, 140))} |`,
      ),
    ...(flips.length > max ? ["", `… and ${flips.length - max} more.`] : []),
    "",
  ];
}

/**
 * The gate's verdict for a terminal: failures, notes and the prompts that flipped right → wrong.
 *
 * @example
 * io.err(renderGate(checkGate(baseline, report)));
 */
export function renderGate(gate: GateResult, maxFlips = 50): string {
  const head = gate.passed
    ? "gate: passed"
    : `gate: FAILED (${gate.failures.length} failure${gate.failures.length === 1 ? "" : "s"})`;
  return [
    head,
    ...gate.failures.map((f) => `  ✗ ${f.message}`),
    ...gate.notes.map((note) => `  note: ${note}`),
    ...renderFlipsText("flipped right → wrong", gate.flipped.rightToWrong, maxFlips),
    ...renderFlipsText("flipped wrong → right", gate.flipped.wrongToRight, maxFlips),
  ].join("\n");
}
