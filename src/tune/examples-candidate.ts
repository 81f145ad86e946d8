import type { DatasetRow } from "../eval/types.js";

/**
 * The labeled prompts as example utterances of the agents they belong to (a prompt for two
 * agents is an example of both; none rows are not examples). Names sorted, prompts in row order.
 * @example examplesFrom([{ prompt: "p", expected: ["a"], … }]) // { a: ["p"] }
 */
export function examplesFrom(rows: readonly DatasetRow[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of rows) for (const agent of row.expected) (out[agent] ??= []).push(row.prompt);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
