/**
 * Plain-text tables for the bench output: Markdown pipe tables, so the output pastes into
 * the README as it is.
 *
 * @example
 * renderTable(["set", "acc"], [["banking77", "0.861"]])
 * // | set | acc |\n| --- | ---: |\n| banking77 | 0.861 |
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, c) => Math.max(h.length, 3, ...rows.map((r) => (r[c] ?? "").length)));
  // The first column holds names (left-aligned); the others hold figures (right-aligned).
  const cell = (text: string, c: number) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!));
  const line = (cells: readonly string[]) => `| ${cells.map((t, c) => cell(t, c)).join(" | ")} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(headers), rule, ...rows.map((r) => line(headers.map((_, c) => r[c] ?? "")))].join("\n");
}

/**
 * A fraction as a percentage with one decimal.
 *
 * @example
 * pct(0.8612) // "86.1%"
 */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "–";
}

/** A section heading in the bench output. */
export function heading(title: string): string {
  return `\n## ${title}\n`;
}
