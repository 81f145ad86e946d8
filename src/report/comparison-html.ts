import type { Comparison } from "../eval/compare.js";
import type { Sides } from "./comparison-md.js";
import { escapeHtml as h } from "./escape.js";
import { renderChangedPromptsHtml, renderChangesHtml } from "./html-changes.js";
import { DRILL_CHIP, htmlPage } from "./html-page.js";

/**
 * comparison.html: metric and agent changes with paired intervals, then every prompt whose
 * decision changed with A and B side by side (sortable, filterable by kind, text and agent).
 *
 * @example
 * await writeFile("reports/comparison.html", renderComparisonHtml(compareReports(a, b), { a: "agents", b: "agents-new" }));
 */
export function renderComparisonHtml(comparison: Comparison, sides: Sides): string {
  const title = `agentroute compare: ${sides.a} → ${sides.b}`;
  return htmlPage(
    title,
    `<h1>${h(title)}</h1>
${renderChangesHtml(comparison, sides)}
<div class="controls">${DRILL_CHIP}</div>
${renderChangedPromptsHtml(comparison.flipped, sides)}`,
  );
}
