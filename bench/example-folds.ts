/**
 * Training rows for an intent set whose only labeled prompts are a benchmark's test split
 * (never fitted on): the agents' own `<example>` lines, in two folds. For fold f, a copy of the
 * agent folder drops every second one-line example (starting at the f-th) and those examples
 * become labeled rows routed against the copy, so no row is scored by an agent that holds it.
 */
import { rmSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadAgents } from "../src/agents/load/load.js";
import type { DatasetRow } from "../src/eval/types.js";

export interface ExampleFold {
  /** A temporary copy of the agent folder without the fold's examples. */
  dir: string;
  rows: DatasetRow[];
}

/**
 * The two folds of a flat agent folder (agents without one-line examples contribute none).
 * The copies live until the process exits (tables are reopened from them).
 */
export async function exampleFolds(agentsDir: string): Promise<ExampleFold[]> {
  const set = await loadAgents(agentsDir);
  const folds: ExampleFold[] = [];
  for (const f of [0, 1]) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-folds-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const rows: DatasetRow[] = [];
    for (const agent of set.agents) {
      const file = path.resolve(set.root, agent.file);
      const lines = (await readFile(file, "utf8")).split("\n");
      const oneLine = agent.examples.filter((e) => /<example>.*<\/example>/.test(lines[e.line - 1] ?? ""));
      const held = oneLine.filter((_, k) => k % 2 === f);
      const drop = new Set(held.map((e) => e.line - 1));
      await writeFile(path.join(dir, path.basename(file)), lines.filter((_, i) => !drop.has(i)).join("\n"));
      for (const e of held) rows.push({ prompt: e.user, expected: [agent.name], tags: {}, line: e.line });
    }
    folds.push({ dir, rows });
  }
  return folds;
}
