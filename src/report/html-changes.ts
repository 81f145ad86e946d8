import type { Comparison, FlippedCase, FlippedSets } from "../eval/compare.js";
import type { GateReport } from "../eval/gate-report.js";
import { changedAgents, type Sides } from "./comparison-md.js";
import { escapeHtml as h } from "./escape.js";
import { formatInterval, formatNumber as n, formatSigned as signed, withThreeDecimals } from "./format.js";
import { agentsAttr, labelsHtml, searchBox, th } from "./html-page.js";

const KINDS: Record<keyof FlippedSets, string> = {
  rightToWrong: "right → wrong",
  wrongToRight: "wrong → right",
  wrongToWrong: "wrong → different wrong",
};

const deltaCell = (x: number | null, lowerIsBetter = false) => {
  const colour = x === null || x === 0 ? "" : x > 0 !== lowerIsBetter ? "var(--okc)" : "var(--badc)";
  return `<td class="n" data-v="${x ?? 0}"${colour ? ` style="color:${colour}"` : ""}>${signed(x)}</td>`;
};

/** Metric changes with their paired intervals, then the agents whose F1 changed. */
export function renderChangesHtml(comparison: Comparison, sides: Sides): string {
  const value = (x: number | null) => `<td class="n" data-v="${x ?? -1}">${x === null ? "-" : n(x)}</td>`;
  const metrics = comparison.metrics.map(
    (m) =>
      `<tr><td>${h(m.metric)}</td>${value(m.a)}${value(m.b)}${deltaCell(m.delta, m.metric === "ECE")}<td>${formatInterval(m.ci)}</td></tr>`,
  );
  const agents = changedAgents(comparison).map(
    (a) =>
      `<tr data-agent="${h(a.agent)}"><td><span class="lbl agent">${h(a.agent)}</span></td>${value(a.a)}${value(a.b)}${deltaCell(a.delta)}<td>${formatInterval(a.ci)}</td><td class="n">${a.support}</td></tr>`,
  );
  const ci = comparison.deltaCi;
  return `<p class="muted">A = ${h(sides.a)}, B = ${h(sides.b)}.${ci === null ? " No shared prompts, so no paired intervals." : ` Paired 95% intervals over ${ci.pairs} shared prompts (bootstrap, ${ci.resamples} resamples); an interval without 0 is beyond noise.`}${comparison.sameDataset ? "" : " The two runs used different datasets."}</p>
<table class="sortable"><thead><tr>${th("metric")}${th("A", "num")}${th("B", "num")}${th("Δ", "num")}${th("paired 95% CI of Δ", null)}</tr></thead><tbody>${metrics.join("")}</tbody></table>
<h3>F1 per agent: ${agents.length} changed</h3>
${agents.length === 0 ? '<p class="muted">No agent’s F1 changed.</p>' : `<table class="sortable"><thead><tr>${th("agent")}${th("A", "num")}${th("B", "num")}${th("Δ", "num")}${th("paired 95% CI of Δ", null)}${th("support", "num")}</tr></thead><tbody>${agents.join("")}</tbody></table>`}`;
}

/**
 * Every prompt whose decision changed, A and B side by side, filterable by kind, text and
 * agent, sortable by any column.
 */
export function renderChangedPromptsHtml(flipped: FlippedSets, sides: Sides): string {
  const rows = (Object.keys(KINDS) as (keyof FlippedSets)[]).flatMap((kind) =>
    flipped[kind].map((f) => changedRow(kind, f)),
  );
  if (rows.length === 0) return "<h3>Prompts whose decision changed: none</h3>";
  const counts = (Object.keys(KINDS) as (keyof FlippedSets)[])
    .map((kind) => `<option value="${kind}">${KINDS[kind]} (${flipped[kind].length})</option>`)
    .join("");
  return `<h3>Prompts whose decision changed (<span id="changes-shown">${rows.length}</span> of ${rows.length})</h3>
<div class="controls"><select data-kind="changes" aria-label="Kind of change"><option value="">every change</option>${counts}</select>${searchBox("changes", "Filter by prompt, agent or reason")}</div>
<table id="changes" class="sortable" data-drill><thead><tr>${th("change")}${th("line", "num")}${th("prompt")}${th("expected")}${th(`A: ${sides.a}`)}${th("A conf.", "num")}${th(`B: ${sides.b}`)}${th("B conf.", "num")}${th("why (B)")}</tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function changedRow(kind: keyof FlippedSets, f: FlippedCase): string {
  return `<tr data-kind="${kind}" data-agents="${agentsAttr(f.expected, f.before, f.after)}"><td class="lbl">${KINDS[kind]}</td><td class="n">${f.line}</td><td class="prompt">${h(f.prompt)}</td><td>${labelsHtml(f.expected)}</td><td>${labelsHtml(f.before)}</td><td class="n" data-v="${f.confidence.before}">${n(f.confidence.before)}</td><td>${labelsHtml(f.after)}</td><td class="n" data-v="${f.confidence.after}">${n(f.confidence.after)}</td><td class="why">${h(f.reason)}</td></tr>`;
}

/** The gate section of report.html: the verdict badge first, then failures, notes and changes. */
export function renderGateHtml(gate: GateReport): string {
  const sides = { a: gate.baseline?.path ?? "baseline", b: "this run" };
  return `<section id="gate"><h2>Gate <span class="verdict ${gate.passed ? "pass" : "fail"}">${gate.passed ? "PASS" : "FAIL"}</span>${gate.baseline === null ? "" : ` <small class="muted">against ${h(gate.baseline.path)} (${h(gate.baseline.createdAt)})</small>`}</h2>
${gate.failures.length === 0 ? "" : `<ul>${gate.failures.map((f) => `<li style="color:var(--badc)">✗ ${h(withThreeDecimals(f.message))}</li>`).join("")}</ul>`}
${gate.notes.length === 0 ? "" : `<ul>${gate.notes.map((note) => `<li class="muted">note: ${h(withThreeDecimals(note))}</li>`).join("")}</ul>`}
<p class="muted">Limits: a drop of at most ${n(gate.limits.maxDrop)} in macro F1 and accuracy, ${n(gate.limits.maxAgentDrop)} in an agent’s F1${gate.limits.minMacroF1 === null ? "" : `; macro F1 at least ${n(gate.limits.minMacroF1)}`}.</p>
${gate.comparison === null ? "" : `<details${gate.passed ? "" : " open"}><summary>${changeSummary(gate.comparison)}</summary>${renderChangesHtml(gate.comparison, sides)}${renderChangedPromptsHtml(gate.comparison.flipped, sides)}</details>`}
</section>`;
}

/** "3 prompts changed decision (2 right → wrong, …), 2 agents' F1 changed" */
function changeSummary(comparison: Comparison): string {
  const kinds = (Object.keys(KINDS) as (keyof FlippedSets)[]).filter((kind) => comparison.flipped[kind].length > 0);
  const total = kinds.reduce((sum, kind) => sum + comparison.flipped[kind].length, 0);
  const detail = kinds.map((kind) => `${comparison.flipped[kind].length} ${KINDS[kind]}`).join(", ");
  const agents = changedAgents(comparison).length;
  return `What changed: ${total} prompt${total === 1 ? "" : "s"} changed decision${detail ? ` (${detail})` : ""}; ${agents} agent${agents === 1 ? "’s" : "s’"} F1 changed`;
}
