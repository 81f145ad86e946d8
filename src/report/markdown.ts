import type { EvalReport } from "../eval/types.js";
import { topConfusions } from "../eval/confusion.js";
import { escapeMarkdownCell as cell, truncate } from "./escape.js";
import { describeDataset, describeMode, formatLabels, formatNumber as n, misroutedCases } from "./format.js";
import type { ReportOptions } from "./types.js";

/**
 * Markdown for a pull-request comment: summary with bootstrap CIs, per-agent table, top
 * confusions and the first misroutes with the router's reasons. Every cell is escaped.
 *
 * @example
 * renderMarkdownReport(report).split("\n")[0] // "## agentroute eval: macro F1 0.812, accuracy 0.790"
 */
export function renderMarkdownReport(report: EvalReport, options: ReportOptions = {}): string {
  const { summary } = report;
  const ci = summary.ci;
  const lines = [
    `## agentroute eval: macro F1 ${n(summary.macro.f1)}, accuracy ${n(summary.accuracy)}`,
    "",
    `**Agents:** ${cell(report.agents.path)} (${report.agents.count} agents) · **mode:** ${cell(describeMode(report))} · **dataset:** ${cell(describeDataset(report))}`,
    "",
    "| metric | value | 95% CI |",
    "| --- | ---: | --- |",
    `| accuracy (exact match) | ${n(summary.accuracy)} | ${n(ci.accuracy.low)} – ${n(ci.accuracy.high)} |`,
    `| macro F1 (none included) | ${n(summary.macro.f1)} | ${n(ci.macroF1.low)} – ${n(ci.macroF1.high)} |`,
    `| micro F1 | ${n(summary.micro.f1)} | |`,
    `| weighted F1 | ${n(summary.weighted.f1)} | |`,
    `| none precision / recall | ${n(summary.none.precision)} / ${n(summary.none.recall)} | |`,
    `| top-1 / top-3 / MRR | ${n(summary.top1)} / ${n(summary.top3)} / ${n(summary.mrr)} | |`,
    `| ECE | ${n(summary.ece)} | |`,
    "",
    "### Per agent",
    "",
    "| agent | precision | recall | F1 | support |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...Object.entries(report.perAgent).map(
      ([name, m]) => `| ${cell(name)} | ${n(m.precision)} | ${n(m.recall)} | ${n(m.f1)} | ${m.support} |`,
    ),
    "",
    ...renderByTag(report),
    ...renderConfusions(report, options.maxConfusions ?? 10),
    ...renderMisroutes(report, options.maxMisroutes ?? 20),
  ];
  return `${lines.join("\n")}\n`;
}

function renderByTag(report: EvalReport): string[] {
  const rows = Object.entries(report.byTag).flatMap(([tag, values]) =>
    Object.entries(values).map(
      ([value, m]) => `| ${cell(tag)} | ${cell(value)} | ${m.rows} | ${n(m.accuracy)} | ${n(m.macroF1)} |`,
    ),
  );
  if (rows.length === 0) return [];
  return [
    "### By tag",
    "",
    "| tag | value | rows | accuracy | macro F1 |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows,
    "",
  ];
}

function renderConfusions(report: EvalReport, limit: number): string[] {
  const pairs = topConfusions(report.cases, limit);
  if (pairs.length === 0) return [];
  return [
    "### Top confusions",
    "",
    "| expected | predicted | count | example |",
    "| --- | --- | ---: | --- |",
    ...pairs.map(
      (p) => `| ${cell(p.expected)} | ${cell(p.predicted)} | ${p.count} | ${cell(truncate(p.example, 100))} |`,
    ),
    "",
  ];
}

function renderMisroutes(report: EvalReport, limit: number): string[] {
  const misroutes = misroutedCases(report);
  if (misroutes.length === 0) return ["No misroutes."];
  const shown = misroutes.slice(0, limit);
  return [
    `### Misroutes (${shown.length} of ${misroutes.length})`,
    "",
    "| line | prompt | expected | predicted | why |",
    "| ---: | --- | --- | --- | --- |",
    ...shown.map(
      (c) =>
        `| ${c.line} | ${cell(truncate(c.prompt, 120))} | ${cell(formatLabels(c.expected))} | ${cell(formatLabels(c.predicted))} | ${cell(truncate(c.reasons.summary, 160))} |`,
    ),
    "",
  ];
}
