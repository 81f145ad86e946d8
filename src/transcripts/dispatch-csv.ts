import { quoteCsvCell } from "../util/csv-cell.js";
import type { DispatchDataset } from "./dispatch-eval.js";

/**
 * The dispatch log as a labeled CSV for a person to review, then use with `eval --dataset` and
 * `tune`: `prompt,expected,source,session,dispatched`. `expected` is the dispatch mapped onto the
 * agent set (names joined by `|`, empty for none); `dispatched` keeps what Claude Code
 * actually started, built-ins included, so the reviewer sees why a row says none.
 *
 * @example
 * renderDispatchCsv(await readDispatchDataset("log.jsonl", { agentNames }))
 * // 'prompt,expected,source,session,dispatched\n"fix the login, then test it",debugger|test-writer,transcript,5c03…,debugger|test-writer\n'
 */
export function renderDispatchCsv(data: DispatchDataset): string {
  const lines = [["prompt", "expected", "source", "session", "dispatched"].join(",")];
  data.dataset.rows.forEach((row, i) => {
    const cells = [
      row.prompt,
      row.expected.join("|"),
      row.tags.source ?? "transcript",
      row.tags.session ?? "",
      (data.dispatched[i] ?? []).join("|"),
    ];
    lines.push(cells.map(quoteCsvCell).join(","));
  });
  return lines.join("\n") + "\n";
}
