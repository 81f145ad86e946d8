import { sweepThresholds } from "../eval/threshold-sweep.js";
import type { EvalReport } from "../eval/types.js";
import { escapeHtml as h, jsonForScript } from "./escape.js";
import {
  describeDataset,
  describeMode,
  describeNone,
  formatNumber as n,
  misroutedCases,
  worstAgents,
} from "./format.js";
import { renderGateHtml } from "./html-changes.js";
import { confidenceHistogramSvg, reliabilitySvg, thresholdSweepSvg } from "./html-charts.js";
import { renderConfusion, renderTopPairs } from "./html-confusion.js";
import { agentsAttr, DRILL_CHIP, htmlPage, labelsHtml, searchBox, th } from "./html-page.js";
import { confusionCell } from "../eval/confusion.js";

/**
 * One self-contained HTML page (inline CSS and JS, a CSP forbidding any network use): the gate
 * verdict, summary cards, per-agent F1, top confused pairs, a confusion matrix that scales to
 * 150 agents, calibration charts, a threshold sweep and the misroutes, most confident first.
 * A click on an agent anywhere filters the misroutes to it. Every user string is escaped.
 *
 * @example
 * await writeFile("report.html", renderHtmlReport(report));
 */
export function renderHtmlReport(report: EvalReport): string {
  const title = `agentroute eval: ${report.agents.path}`;
  // The figures as data, for anyone scripting against the page (never executed).
  const data = { summary: report.summary, perAgent: report.perAgent, confusion: report.confusion, byTag: report.byTag };
  return htmlPage(
    title,
    `<h1>${h(title)}</h1>
<p class="muted">${h(describeMode(report))} · ${h(describeDataset(report))} · ${h(report.createdAt)} · agentroute ${h(report.tool.version)}</p>
${report.gate === undefined ? "" : renderGateHtml(report.gate)}
${renderCards(report)}
<h2>F1 per agent</h2>
<p class="muted">Worst first. Click an agent to list its misroutes.</p>
${renderAgents(report)}
<h2>Top confused pairs</h2>
${renderTopPairs(report)}
<h2>Confusion matrix</h2>
<p class="muted">Rows: expected (primary label); columns: predicted. Click a label for its misroutes, a red cell for that pair.</p>
${renderConfusion(report)}
${renderCalibration(report)}
${renderByTag(report)}
${renderMisroutes(report)}
<script type="application/json" id="agentroute-data">${jsonForScript(data)}</script>`,
  );
}

function card(label: string, value: string, note: string): string {
  return `<div class="card"><small>${h(label)}</small><b>${h(value)}</b><small>${h(note)}</small></div>`;
}

function renderCards(report: EvalReport): string {
  const { summary } = report;
  const none = describeNone(report);
  const declined = `${none.declined} prompt${none.declined === 1 ? "" : "s"} declined`;
  return `<div class="cards">
${card("accuracy", n(summary.accuracy), `95% CI ${n(summary.ci.accuracy.low)}–${n(summary.ci.accuracy.high)}`)}
${card("macro F1", n(summary.macro.f1), `95% CI ${n(summary.ci.macroF1.low)}–${n(summary.ci.macroF1.high)}`)}
${card("micro F1", n(summary.micro.f1), "")}${card("weighted F1", n(summary.weighted.f1), "")}
${
  none.applicable
    ? card("none F1", n(summary.none.f1), `P ${n(summary.none.precision)} R ${n(summary.none.recall)} · ${declined}`)
    : card("none F1", "n/a", `no prompt expects none · ${declined}`)
}
${card("top-1", n(summary.top1), `top-3 ${n(summary.top3)} · MRR ${n(summary.mrr)}`)}${card("ECE", n(summary.ece), "calibration error")}
</div>`;
}

function renderAgents(report: EvalReport): string {
  const misroutes = misroutedCases(report);
  const rows = worstAgents(report).map(([name, m]) => {
    const involved = misroutes.filter((r) => r.case.expected.includes(name) || r.case.predicted.includes(name)).length;
    return (
      `<tr data-agent="${h(name)}"><td><span class="lbl agent">${h(name)}</span></td>` +
      `<td data-v="${m.f1}"><div class="bar" title="F1 ${n(m.f1)}"><span style="width:${(m.f1 * 100).toFixed(1)}%"></span></div></td>` +
      `<td class="n" data-v="${m.f1}">${n(m.f1)}</td><td class="n" data-v="${m.precision}">${n(m.precision)}</td><td class="n" data-v="${m.recall}">${n(m.recall)}</td><td class="n">${m.support}</td><td class="n">${involved}</td></tr>`
    );
  });
  const scale = `<div class="scale"><span>0</span><span>0.25</span><span>0.5</span><span>0.75</span><span>1</span></div>`;
  return `<table id="agents" class="sortable"><thead><tr>${th("agent")}<th data-sort="num">F1 ${scale}</th>${th("F1", "num")}${th("precision", "num")}${th("recall", "num")}${th("support", "num")}${th("misroutes", "num")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function renderCalibration(report: EvalReport): string {
  const threshold = report.cases[0]?.reasons.threshold ?? 0;
  const none = describeNone(report);
  return `<h2>Calibration and threshold</h2>
<div class="charts">
<figure>${reliabilitySvg(report.calibration.bins)}<figcaption>Reliability: accuracy per confidence bin (bars) against the diagonal a calibrated router follows. ECE ${n(report.summary.ece)}.</figcaption></figure>
<figure>${confidenceHistogramSvg(report)}<figcaption>Confidence of right (green) and wrong (red) decisions. Confidence is the top score, or 1 − top score when the router declined.</figcaption></figure>
<figure>${thresholdSweepSvg(sweepThresholds(report.cases), threshold, none.applicable)}<figcaption>What the top-1 decision would score at each threshold, from the recorded scores (multi-agent dispatch not replayed)${none.applicable ? "" : "; no none curves: no prompt expects none"}. Solid line: the threshold in use; dashed: best accuracy on this data (in-sample, so optimistic: use <code>agentroute tune</code> for a cross-validated choice).</figcaption></figure>
</div>`;
}

function renderByTag(report: EvalReport): string {
  const rows = Object.entries(report.byTag).flatMap(([tag, values]) =>
    Object.entries(values).map(
      ([value, m]) =>
        `<tr><td>${h(tag)}</td><td>${h(value)}</td><td class="n">${m.rows}</td><td class="n">${n(m.accuracy)}</td><td class="n">${n(m.macroF1)}</td></tr>`,
    ),
  );
  if (rows.length === 0) return "";
  return `<h2>By tag</h2>
<table class="sortable"><thead><tr>${th("tag")}${th("value")}${th("rows", "num")}${th("accuracy", "num")}${th("macro F1", "num")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function renderMisroutes(report: EvalReport): string {
  const misroutes = misroutedCases(report);
  const rows = misroutes.map(({ case: c, confidence }) => {
    const [row, col] = confusionCell(c);
    return (
      `<tr data-agents="${agentsAttr(c.expected, c.predicted)}" data-pair="${h(`${row}\n${col}`)}"><td class="n">${c.line}</td><td class="prompt">${h(c.prompt)}</td><td>${labelsHtml(c.expected)}</td><td>${labelsHtml(c.predicted)}</td>` +
      `<td class="n" data-v="${confidence}">${n(confidence)}</td><td class="why">${h(c.reasons.summary)}</td></tr>`
    );
  });
  return `<h2>Misroutes (<span id="misroutes-shown">${misroutes.length}</span> of ${misroutes.length})</h2>
<div class="controls">${searchBox("misroutes", "Filter by prompt, agent or reason")} ${DRILL_CHIP}</div>
<table id="misroutes" class="sortable" data-drill><thead><tr>${th("line", "num")}${th("prompt")}${th("expected")}${th("predicted")}<th data-sort="num" class="n" aria-sort="descending">confidence</th>${th("why")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}
