import { writeFileSafely } from "../util/safe-write.js";
import type { Dataset } from "../eval/types.js";
import { renderDispatchCsv } from "./dispatch-csv.js";
import { describeOutsideDispatches, readDispatchDataset } from "./dispatch-eval.js";

/**
 * What `eval --dispatch-log FILE [--as-dataset CSV]` needs: the log as a dataset for `runEval`
 * (the report's accuracy is then the agreement between router and Claude Code), and the
 * lines to tell the user (rows read, dispatches outside the set treated as none, CSV written).
 *
 * @example
 * const { dataset, notes } = await openDispatchDataset("dispatch.jsonl", { agentNames: router.agentNames });
 * notes.forEach((n) => io.err(n + "\n"));
 * const report = await runEval(router, dataset, meta);
 */
export async function openDispatchDataset(
  file: string,
  options: { agentNames: readonly string[]; asDataset?: string },
): Promise<{ dataset: Dataset; notes: string[] }> {
  const data = await readDispatchDataset(file, options);
  const { dataset } = data;
  const dispatchedRows = dataset.rows.filter((row) => row.expected.length > 0).length;
  const notes = [
    `dispatch log ${file}: ${dataset.rows.length} prompts (${dataset.skipped.length} skipped), ` +
      `${dispatchedRows} answered by an agent of the set; agreement with the router = accuracy`,
  ];
  const outside = describeOutsideDispatches(data);
  if (outside !== "") notes.push(outside);
  if (options.asDataset !== undefined) {
    await writeFileSafely(options.asDataset, renderDispatchCsv(data), { what: "labeled dataset" });
    notes.push(
      `labeled dataset for review written to ${options.asDataset} (prompt,expected,source,session,dispatched)`,
    );
  }
  return { dataset, notes };
}
