import type { EvalReport } from "../eval/types.js";
import { topConfusions } from "../eval/confusion.js";
import { codeLabels, details, renderGateMd } from "./comparison-md.js";
import { codeSpan as code, escapeMarkdownCell as cell, truncate } from "./escape.js";
import {
  describeDataset,
  describeMode,
  describeNone,
  formatNumber as n,
  formatSigned as signed,
  misroutedCases,
  worstAgents,
} from "./format.js";
import type { ReportOptions } from "./types.js";

/**
 * Markdown shaped for a pull-request comment: the verdict and headline first, then the gate
 * (what changed against the baseline, flipped prompts), then folded sections: agents worst
 * first, top confusions and the most confident misroutes. Ids are code spans (never autolinked),
 * prompts are escaped.
 *
 * @example
 * renderMarkdownReport(report).split("\n")[0] // "## ✅ agentroute: gate PASS · macro F1 0.812 (+0.004) · accuracy 0.790 (0.000)"
 */
export function renderMarkdownReport(report: EvalReport, options: ReportOptions = {}): string {
  const misroutes = misroutedCases(report);
  const worst = worstAgents(report).slice(0, 3);
  const lines = [
    headline(report),
    "",
    `${report.agents.count} agents in ${code(report.agents.path)} · ${code(describeMode(report))} · dataset ${code(report.dataset.path)}: ${report.cases.length} prompts, ${misroutes.length} misrouted · [HTML report](${options.htmlLink ?? "report.html"})`,
    "",
    ...(worst.length === 0
      ? []
      : [`Worst agents: ${worst.map(([name, m]) => `${code(name)} ${n(m.f1)}`).join(", ")}.`, ""]),
    ...(report.gate === undefined ? [] : renderGateMd(report.gate)),
    ...renderSummary(report),
    ...details(`Per agent, worst F1 first (${Object.keys(report.perAgent).length})`, [
      "| agent | F1 | precision | recall | support |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...worstAgents(report).map(
        ([name, m]) => `| ${code(name)} | ${n(m.f1)} | ${n(m.precision)} | ${n(m.recall)} | ${m.support} |`,
      ),
    ]),
    ...renderByTag(report),
    ...renderConfusions(report, options.maxConfusions ?? 10),
    ...renderMisroutes(report, options.maxMisroutes ?? 20),
  ];
  return `${lines.join("\n")}\n`;
}

function headline(report: EvalReport): string {
  const { summary, gate } = report;
  if (gate === undefined)
    return `## agentroute eval: macro F1 ${n(summary.macro.f1)} · accuracy ${n(summary.accuracy)}`;
  const delta = (metric: string) => {
    const m = gate.comparison?.metrics.find((x) => x.metric === metric);
    return m === undefined ? "" : ` (${signed(m.delta)})`;
  };
  return `## ${gate.passed ? "✅" : "❌"} agentroute: gate ${gate.passed ? "PASS" : "FAIL"} · macro F1 ${n(summary.macro.f1)}${delta("macro F1")} · accuracy ${n(summary.accuracy)}${delta("accuracy")}`;
}

function renderSummary(report: EvalReport): string[] {
  const { summary } = report;
  const ci = summary.ci;
  const none = describeNone(report);
  const noneRow = none.applicable
    ? `| none precision / recall / F1 | ${n(summary.none.precision)} / ${n(summary.none.recall)} / ${n(summary.none.f1)} | ${none.declined} declined |`
    : `| none F1 | n/a | no prompt expects none; ${none.declined} declined |`;
  return details(`Summary: ${describeDataset(report).replace(/^[^:]*: /, "")}`, [
    "| metric | value | 95% CI |",
    "| --- | ---: | --- |",
    `| accuracy (exact match) | ${n(summary.accuracy)} | ${n(ci.accuracy.low)} – ${n(ci.accuracy.high)} |`,
    `| macro F1 (none included) | ${n(summary.macro.f1)} | ${n(ci.macroF1.low)} – ${n(ci.macroF1.high)} |`,
    `| micro F1 | ${n(summary.micro.f1)} | |`,
    `| weighted F1 | ${n(summary.weighted.f1)} | |`,
    noneRow,
    `| top-1 / top-3 / MRR | ${n(summary.top1)} / ${n(summary.top3)} / ${n(summary.mrr)} | |`,
    `| ECE | ${n(summary.ece)} | |`,
  ]);
}

function renderByTag(report: EvalReport): string[] {
  const rows = Object.entries(report.byTag).flatMap(([tag, values]) =>
    Object.entries(values).map(
      ([value, m]) => `| ${cell(tag)} | ${cell(value)} | ${m.rows} | ${n(m.accuracy)} | ${n(m.macroF1)} |`,
    ),
  );
  if (rows.length === 0) return [];
  return details("By tag", [
    "| tag | value | rows | accuracy | macro F1 |",
    "| --- | --- | ---: | ---: | ---: |",
    ...rows,
  ]);
}

function renderConfusions(report: EvalReport, limit: number): string[] {
  const pairs = topConfusions(report.cases, limit);
  if (pairs.length === 0) return [];
  return details(`Top confusions (${pairs.length})`, [
    "| expected | predicted | count | example |",
    "| --- | --- | ---: | --- |",
    ...pairs.map(
      (p) => `| ${code(p.expected)} | ${code(p.predicted)} | ${p.count} | ${cell(truncate(p.example, 100))} |`,
    ),
  ]);
}

function renderMisroutes(report: EvalReport, limit: number): string[] {
  const misroutes = misroutedCases(report);
  if (misroutes.length === 0) return ["No misroutes."];
  const shown = misroutes.slice(0, limit);
  return details(`Misroutes, most confident first (${shown.length} of ${misroutes.length})`, [
    "| line | prompt | expected | predicted | confidence | why |",
    "| ---: | --- | --- | --- | ---: | --- |",
    ...shown.map(
      ({ case: c, confidence }) =>
        `| ${c.line} | ${cell(truncate(c.prompt, 120))} | ${codeLabels(c.expected)} | ${codeLabels(c.predicted)} | ${n(confidence)} | ${cell(truncate(c.reasons.summary, 160))} |`,
    ),
  ]);
}
