import { topConfusions } from "../eval/confusion.js";
import type { EvalReport } from "../eval/types.js";
import { escapeHtml as h, truncate } from "./escape.js";

const pairAttr = (expected: string, predicted: string) => h(`${expected}\n${predicted}`);

/** The most frequent off-diagonal pairs; a click filters the misroutes to that pair. */
export function renderTopPairs(report: EvalReport, limit = 15): string {
  const pairs = topConfusions(report.cases, limit);
  if (pairs.length === 0) return '<p class="muted">No confusions between primary labels.</p>';
  const items = pairs.map(
    (p) =>
      `<li><button type="button" data-pair="${pairAttr(p.expected, p.predicted)}"><b>${p.count}</b> × <span class="lbl">${h(p.expected)}</span> → <span class="lbl">${h(p.predicted)}</span></button> <span class="why">e.g. “${h(truncate(p.example, 90))}”</span></li>`,
  );
  return `<ol class="pairs">${items.join("")}</ol>`;
}

/**
 * The confusion matrix in a scroll box with sticky row and column labels. Cells carry their
 * count (data-n); the script shows counts, row % or column % and colours them: green on the
 * diagonal, red off it with a floor, so a single error is never near-white.
 */
export function renderConfusion(report: EvalReport): string {
  const { labels, matrix } = report.confusion;
  const head = `<tr><th class="corner">expected ↓ predicted →</th>${labels.map((l) => `<th class="col" data-agent="${h(l)}" title="${h(l)}">${h(l)}</th>`).join("")}</tr>`;
  const body = matrix.map((row, i) => {
    const label = labels[i] ?? "";
    const total = row.reduce((sum, v) => sum + v, 0);
    const errors = total - (row[i] ?? 0);
    const cells = row.map((v, j) => {
      const title = `${label} → ${labels[j]}: ${v}${total === 0 ? "" : ` (${Math.round((100 * v) / total)}% of the row)`}`;
      const off = i === j ? "" : ` data-off${v > 0 ? ` data-pair="${pairAttr(label, labels[j] ?? "")}"` : ""}`;
      return `<td data-n="${v}"${off} title="${h(title)}">${v === 0 ? "" : v}</td>`;
    });
    return `<tr data-total="${total}" data-errors="${errors}"><th data-agent="${h(label)}">${h(label)}</th>${cells.join("")}</tr>`;
  });
  return `<div class="controls" role="group" aria-label="Confusion view">
<label><input type="radio" name="cm-mode" value="count" checked> counts</label>
<label><input type="radio" name="cm-mode" value="row"> row % (recall view)</label>
<label><input type="radio" name="cm-mode" value="col"> column % (precision view)</label>
<label><input type="checkbox" id="cm-errors"> only rows with errors</label>
<span class="legend">legend: <i style="background:rgba(var(--ok),.6)"></i> right (diagonal) <i style="background:rgba(var(--bad),.25)"></i> fewest errors … <i style="background:rgba(var(--bad),1)"></i> <span>most (<span id="cm-max"></span> in one cell)</span></span>
</div>
<div class="cm-wrap"><table class="cm" id="cm"><thead>${head}</thead><tbody>
${body.join("\n")}
</tbody></table></div>`;
}
