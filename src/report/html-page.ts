import { escapeHtml as h } from "./escape.js";
import { HTML_SCRIPT } from "./html-script.js";
import { HTML_STYLE } from "./html-style.js";

/**
 * A whole self-contained page: inline CSS and script, and a CSP that forbids any network
 * use (`default-src 'none'`), so it opens from a CI artefact offline.
 */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title><style>${HTML_STYLE}</style></head><body>
${body}
<script>${HTML_SCRIPT}</script>
</body></html>
`;
}

/**
 * Labels that never break inside a name: each in a nowrap span, "none" for [].
 *
 * @example
 * labelsHtml(["a-b", "c"]) // '<span class="lbl">a-b</span> + <span class="lbl">c</span>'
 */
export function labelsHtml(labels: readonly string[]): string {
  return labels.length === 0
    ? '<span class="lbl muted">none</span>'
    : labels.map((label) => `<span class="lbl">${h(label)}</span>`).join(" + ");
}

/** The data-agents attribute value: every label of a row, newline-separated, for the drill-down. */
export function agentsAttr(...groups: (readonly string[])[]): string {
  const labels = new Set(groups.flatMap((labels) => (labels.length === 0 ? ["none"] : labels)));
  return h([...labels].join("\n"));
}

/** A sortable column header; `num` columns sort by each cell's data-v. */
export function th(label: string, sort: "num" | "text" | null = "text", numeric = sort === "num"): string {
  return `<th${sort === null ? "" : ` data-sort="${sort}"`}${numeric ? ' class="n"' : ""}>${h(label)}</th>`;
}

/** A search box and a "shown" counter for a drill-down table. */
export function searchBox(tableId: string, placeholder: string): string {
  return `<input type="search" data-search="${tableId}" placeholder="${h(placeholder)}" aria-label="${h(placeholder)}">`;
}

/** The chip that says which agent or pair the tables are filtered to, with a clear button. */
export const DRILL_CHIP = `<span id="drill" class="chip" hidden><span id="drill-text"></span> <button id="drill-clear" type="button" aria-label="Clear the agent filter">×</button></span>`;
