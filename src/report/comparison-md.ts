import type { Comparison, FlippedCase } from "../eval/compare.js";
import type { GateReport } from "../eval/gate-report.js";
import { codeSpan as code, escapeMarkdownCell as cell, truncate } from "./escape.js";
import { formatInterval as range, formatNumber as n, formatSigned as signed, withThreeDecimals } from "./format.js";

/** Names of the two sides, e.g. { a: "old.json", b: "new.json" }. */
export interface Sides {
  a: string;
  b: string;
}

const HEADLINE = ["accuracy", "macro F1"];

/** Labels as code spans ("`a` + `b`", or "none"), so ids are never autolinked. */
export function codeLabels(labels: readonly string[]): string {
  return labels.length === 0 ? "none" : labels.map(code).join(" + ");
}

/**
 * The body of a comparison in Markdown: headline metrics with their paired intervals (the
 * rest folded), agents whose F1 changed (largest drop first), then every prompt whose
 * decision changed, each list in a `<details>` block.
 */
export function renderComparisonMd(comparison: Comparison, sides: Sides, maxFlips: number): string[] {
  const row = (m: Comparison["metrics"][number]) =>
    `| ${m.metric} | ${n(m.a)} | ${n(m.b)} | ${signed(m.delta)} | ${range(m.ci)} |`;
  const head = ["| metric | A | B | Δ | paired 95% CI of Δ |", "| --- | ---: | ---: | ---: | --- |"];
  const ci = comparison.deltaCi;
  return [
    ...notesMd(comparison, sides),
    ...head,
    ...comparison.metrics.filter((m) => HEADLINE.includes(m.metric)).map(row),
    "",
    ci === null
      ? "No shared prompts: no paired interval."
      : `A = ${code(sides.a)}, B = ${code(sides.b)}; intervals from ${ci.pairs} shared prompts (paired bootstrap, ${ci.resamples} resamples). An interval without 0 is beyond noise.`,
    "",
    ...details("Other metrics", [...head, ...comparison.metrics.filter((m) => !HEADLINE.includes(m.metric)).map(row)]),
    ...agentsMd(comparison),
    ...flipsMd("Right → wrong", comparison.flipped.rightToWrong, maxFlips),
    ...flipsMd("Wrong → right", comparison.flipped.wrongToRight, maxFlips),
    ...flipsMd("Wrong → a different wrong", comparison.flipped.wrongToWrong, maxFlips),
  ];
}

function notesMd(comparison: Comparison, sides: Sides): string[] {
  const { onlyA, onlyB } = comparison.unmatched;
  return [
    ...(comparison.sameDataset ? [] : ["> Note: the two runs used different datasets (hash differs).", ""]),
    ...(onlyA + onlyB > 0
      ? [`> Note: ${onlyA} prompt(s) only in ${code(sides.a)}, ${onlyB} only in ${code(sides.b)}.`, ""]
      : []),
  ];
}

/** Agents whose F1 changed, the largest drop first. */
export function changedAgents(comparison: Comparison): Comparison["agents"] {
  return comparison.agents
    .filter((agent) => agent.delta !== 0)
    .sort((x, y) => (x.delta ?? -2) - (y.delta ?? -2) || x.agent.localeCompare(y.agent));
}

function agentsMd(comparison: Comparison): string[] {
  const changed = changedAgents(comparison);
  if (changed.length === 0) return ["No agent's F1 changed.", ""];
  const value = (x: number | null) => (x === null ? "-" : n(x));
  return details(`F1 per agent: ${changed.length} changed, largest drop first`, [
    "| agent | A | B | Δ | paired 95% CI of Δ | support |",
    "| --- | ---: | ---: | ---: | --- | ---: |",
    ...changed.map(
      (a) =>
        `| ${code(a.agent)} | ${value(a.a)} | ${value(a.b)} | ${signed(a.delta)} | ${range(a.ci)} | ${a.support} |`,
    ),
  ]);
}

function flipsMd(title: string, flips: FlippedCase[], max: number): string[] {
  if (flips.length === 0) return [`**${title}:** none`, ""];
  return details(`${title}: ${flips.length} prompt${flips.length === 1 ? "" : "s"}`, [
    "| line | prompt | expected | before (confidence) | after (confidence) | why (after) |",
    "| ---: | --- | --- | --- | --- | --- |",
    ...flips
      .slice(0, max)
      .map(
        (f) =>
          `| ${f.line} | ${cell(truncate(f.prompt, 120))} | ${codeLabels(f.expected)} | ${codeLabels(f.before)} (${n(f.confidence.before)}) | ${codeLabels(f.after)} (${n(f.confidence.after)}) | ${cell(truncate(f.reason, 140))} |`,
      ),
    ...(flips.length > max ? ["", `… and ${flips.length - max} more (see report.json).`] : []),
  ]);
}

/**
 * A folded section for a PR comment (GitHub renders Markdown inside when blank lines
 * surround it).
 */
export function details(summary: string, body: string[], open = false): string[] {
  return [`<details${open ? " open" : ""}><summary>${summary}</summary>`, "", ...body, "", "</details>", ""];
}

/**
 * The gate section of report.md: verdict, failures and notes, then the comparison.
 *
 * @example
 * renderGateMd(report.gate)[0] // "### Gate: ❌ FAIL against `reports/baseline.json`"
 */
export function renderGateMd(gate: GateReport, maxFlips = 50): string[] {
  const against = gate.baseline === null ? "" : ` against ${code(gate.baseline.path)}`;
  return [
    `### Gate: ${gate.passed ? "✅ PASS" : "❌ FAIL"}${against}`,
    "",
    ...gate.failures.map((f) => `- ✗ ${cell(withThreeDecimals(f.message))}`),
    ...gate.notes.map((note) => `- note: ${cell(withThreeDecimals(note))}`),
    ...(gate.failures.length + gate.notes.length > 0 ? [""] : []),
    `Limits: drop at most ${n(gate.limits.maxDrop)} (macro F1, accuracy), ${n(gate.limits.maxAgentDrop)} (an agent's F1)` +
      (gate.limits.minMacroF1 === null ? "." : `; macro F1 at least ${n(gate.limits.minMacroF1)}.`),
    "",
    ...(gate.comparison === null
      ? []
      : renderComparisonMd(gate.comparison, { a: gate.baseline?.path ?? "baseline", b: "this run" }, maxFlips)),
  ];
}
