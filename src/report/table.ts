import type { EvalReport } from "../eval/types.js";
import { topConfusions } from "../eval/confusion.js";
import { truncate } from "./escape.js";
import { describeDataset, describeMode, formatNumber, misroutedCases } from "./format.js";
import type { ReportOptions } from "./types.js";

const COL = 10;

/**
 * Terminal report in the layout of scikit-learn's classification_report (per agent, then
 * none, then accuracy / micro / macro / weighted averages), then ranking and calibration
 * figures, the worst confusions with an example prompt each, and the misroute count.
 *
 * @example
 * process.stdout.write(renderTableReport(report));
 * //                   precision    recall  f1-score   support
 * //         debugger       0.90      0.82      0.86        11
 */
export function renderTableReport(report: EvalReport, options: ReportOptions = {}): string {
  const names = Object.keys(report.perAgent);
  const width = Math.max(12, ...names.map((name) => name.length));
  const num = (x: number) => formatNumber(x).padStart(COL);
  const row = (name: string, p: string, r: string, f: string, s: string) => `${name.padStart(width)}${p}${r}${f}${s}`;
  const { summary } = report;
  const cases = report.cases.length;
  const lines = [
    `agentroute eval: ${report.agents.path} (${report.agents.count} agents), ${describeMode(report)}`,
    describeDataset(report),
    "",
    row("", "precision".padStart(COL), "recall".padStart(COL), "f1-score".padStart(COL), "support".padStart(COL)),
    "",
    ...Object.entries(report.perAgent).map(([name, m]) =>
      row(name, num(m.precision), num(m.recall), num(m.f1), String(m.support).padStart(COL)),
    ),
    "",
    row("accuracy", "".padStart(COL), "".padStart(COL), num(summary.accuracy), String(cases).padStart(COL)),
    ...(["micro", "macro", "weighted"] as const).map((kind) => {
      const m = summary[kind];
      return row(`${kind} avg`, num(m.precision), num(m.recall), num(m.f1), String(cases).padStart(COL));
    }),
    "",
    `top-1 ${summary.top1.toFixed(3)}   top-3 ${summary.top3.toFixed(3)}   MRR ${summary.mrr.toFixed(3)}   ECE ${summary.ece.toFixed(3)}`,
    `95% CI (bootstrap, ${summary.ci.resamples} resamples): accuracy [${summary.ci.accuracy.low.toFixed(3)}, ${summary.ci.accuracy.high.toFixed(3)}]` +
      `   macro F1 [${summary.ci.macroF1.low.toFixed(3)}, ${summary.ci.macroF1.high.toFixed(3)}]`,
    "",
    ...renderConfusions(report, options.maxConfusions ?? 10),
    `misrouted: ${misroutedCases(report).length} of ${cases} prompts`,
  ];
  return `${lines.join("\n")}\n`;
}

function renderConfusions(report: EvalReport, limit: number): string[] {
  const pairs = topConfusions(report.cases, limit);
  if (pairs.length === 0) return ["no confusions between primary labels", ""];
  const count = Math.max(...pairs.map((p) => String(p.count).length));
  return [
    "worst confusions (expected → predicted):",
    ...pairs.map(
      (p) => `  ${String(p.count).padStart(count)}  ${p.expected} → ${p.predicted}   e.g. "${truncate(p.example, 70)}"`,
    ),
    "",
  ];
}
