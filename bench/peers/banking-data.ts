/**
 * BANKING77 as the peers see it: the 770 training utterances parsed from the agent files
 * with the project's own loader (each agent's `<example>` user lines), and the 3080 test
 * prompts with their intents.
 */
import { loadAgents } from "../../src/agents/load/load.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { LABELED_SETS } from "../sets.js";

export interface Labeled {
  text: string;
  label: string;
}

export interface BankingData {
  train: Labeled[];
  test: Labeled[];
  labels: string[];
}

/**
 * Training examples and test prompts; `stride` > 1 keeps every stride-th test prompt (quick run).
 *
 * @example
 * const { train, test } = await readBankingData(); // 770 and 3080
 */
export async function readBankingData(stride = 1): Promise<BankingData> {
  const set = LABELED_SETS.find((s) => s.name === "banking77");
  if (!set) throw new Error("bench/sets.ts has no banking77 entry");
  const agents = (await loadAgents(set.agents)).agents;
  const train = agents.flatMap((a) => a.examples.map((e) => ({ text: e.user, label: a.name })));
  const labels = agents.map((a) => a.name);
  const dataset = await readDataset(set.dataset, { agentNames: labels });
  const test = dataset.rows
    .filter((_, i) => i % stride === 0)
    .map((r) => ({ text: r.prompt, label: r.expected[0] ?? "none" }));
  return { train, test, labels };
}
