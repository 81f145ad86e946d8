import type { EvalReport } from "../eval/types.js";
import { escapeHtml as h, jsonForScript } from "./escape.js";
import { describeDataset, describeMode, formatLabels, formatNumber as n, misroutedCases } from "./format.js";
import { HTML_SCRIPT, HTML_STYLE } from "./html-assets.js";

/**
 * One self-contained HTML page (inline CSS and JS, a CSP forbidding any network use):
 * summary cards, per-agent F1 bars, a confusion heatmap and a searchable misroute table.
 * Every user string goes through escapeHtml; the embedded JSON escapes `<`.
 *
 * @example
 * await writeFile("report.html", renderHtmlReport(report));
 */
export function renderHtmlReport(report: EvalReport): string {
  const { summary } = report;
  const data = { summary, perAgent: report.perAgent, confusion: report.confusion, byTag: report.byTag };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>agentroute eval: ${h(report.agents.path)}</title><style>${HTML_STYLE}</style></head><body>
<h1>agentroute eval: ${h(report.agents.path)}</h1>
<p class="muted">${h(describeMode(report))} · ${h(describeDataset(report))} · ${h(report.createdAt)} · agentroute ${h(report.tool.version)}</p>
<div class="cards">
${card("accuracy", summary.accuracy, `95% CI ${n(summary.ci.accuracy.low)}–${n(summary.ci.accuracy.high)}`)}
${card("macro F1", summary.macro.f1, `95% CI ${n(summary.ci.macroF1.low)}–${n(summary.ci.macroF1.high)}`)}
${card("micro F1", summary.micro.f1, "")}${card("weighted F1", summary.weighted.f1, "")}
${card("none F1", summary.none.f1, `P ${n(summary.none.precision)} R ${n(summary.none.recall)}`)}
${card("top-1", summary.top1, `top-3 ${n(summary.top3)} · MRR ${n(summary.mrr)}`)}${card("ECE", summary.ece, "calibration error")}
</div>
<h2>F1 per agent</h2>
${renderBars(report)}
<h2>Confusion matrix</h2>
<p class="muted">Rows: expected (primary label), columns: predicted. Shade: share of the row.</p>
${renderHeatmap(report)}
${renderByTag(report)}
${renderMisroutes(report)}
<script type="application/json" id="agentroute-data">${jsonForScript(data)}</script>
<script>${HTML_SCRIPT}</script>
</body></html>
`;
}

function card(label: string, value: number, note: string): string {
  return `<div class="card"><small>${h(label)}</small><b>${n(value)}</b><small>${h(note)}</small></div>`;
}

function renderBars(report: EvalReport): string {
  const rows = Object.entries(report.perAgent).map(
    ([name, m]) =>
      `<tr><td>${h(name)}</td><td><div class="bar"><span style="width:${(m.f1 * 100).toFixed(1)}%"></span></div></td>` +
      `<td class="n">${n(m.f1)}</td><td class="n">${n(m.precision)}</td><td class="n">${n(m.recall)}</td><td class="n">${m.support}</td></tr>`,
  );
  return `<table><thead><tr><th>agent</th><th>F1</th><th></th><th>precision</th><th>recall</th><th>support</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function renderHeatmap(report: EvalReport): string {
  const { labels, matrix } = report.confusion;
  const head = `<tr><th></th>${labels.map((l) => `<th class="col">${h(l)}</th>`).join("")}</tr>`;
  const body = matrix.map((row, i) => {
    const total = row.reduce((sum, v) => sum + v, 0);
    const cells = row.map((v, j) => {
      const share = total === 0 ? 0 : v / total;
      const colour = i === j ? "46,160,67" : "214,57,57";
      const title = `${labels[i]} → ${labels[j]}: ${v}`;
      return `<td style="background:rgba(${colour},${share.toFixed(3)})" title="${h(title)}">${v === 0 ? "" : v}</td>`;
    });
    return `<tr><th>${h(labels[i] ?? "")}</th>${cells.join("")}</tr>`;
  });
  return `<table class="heat"><thead>${head}</thead><tbody>\n${body.join("\n")}\n</tbody></table>`;
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
<table><thead><tr><th>tag</th><th>value</th><th>rows</th><th>accuracy</th><th>macro F1</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function renderMisroutes(report: EvalReport): string {
  const misroutes = misroutedCases(report);
  const rows = misroutes.map(
    (c) =>
      `<tr><td class="n">${c.line}</td><td>${h(c.prompt)}</td><td>${h(formatLabels(c.expected))}</td><td>${h(formatLabels(c.predicted))}</td>` +
      `<td class="why">${h(c.reasons.summary)}</td></tr>`,
  );
  return `<h2>Misroutes (<span id="shown">${misroutes.length}</span> of ${misroutes.length})</h2>
<input id="q" type="search" placeholder="Filter by prompt, agent or reason" aria-label="Filter misroutes">
<table id="misroutes"><thead><tr><th>line</th><th>prompt</th><th>expected</th><th>predicted</th><th>why</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}
