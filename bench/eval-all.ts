/**
 * Evaluates every labeled set and prints one line each: `node dist/bench/eval-all.js [--no-embeddings] [--config FILE] [names…]`.
 * A set fitted on its even rows only (`split`) also gets a line for its held-out odd rows (`name/odd`).
 */
import { readDataset } from "../src/inputs/dataset.js";
import { evaluateAgents } from "../src/eval/evaluate.js";
import type { EvalReport } from "../src/eval/types.js";
import { LABELED_SETS, ROOT } from "./sets.js";

export interface EvalAllArgs {
  embeddings: boolean;
  configPath: string | undefined;
  /** The set names asked for; empty: every set. */
  only: string[];
}

/** The command line: flags, the value of --config, and every other word as a set name. */
export function parseEvalAllArgs(args: readonly string[]): EvalAllArgs {
  const configAt = args.indexOf("--config");
  const configValue = configAt >= 0 ? configAt + 1 : -1;
  return {
    embeddings: !args.includes("--no-embeddings"),
    configPath: configAt >= 0 ? args[configValue] : undefined,
    only: args.filter((a, i) => !a.startsWith("--") && i !== configValue),
  };
}

function line(name: string, r: EvalReport, seconds: number): string {
  const s = r.summary;
  return `${name.padEnd(22)} rows ${String(r.dataset.rows).padStart(5)}  acc ${s.accuracy.toFixed(3)}  macroF1 ${s.macro.f1.toFixed(3)}  top1 ${s.top1.toFixed(3)}  top3 ${s.top3.toFixed(3)}  none P/R ${s.none.precision.toFixed(2)}/${s.none.recall.toFixed(2)}  ece ${s.ece.toFixed(3)}  ${seconds.toFixed(1)}s`;
}

async function evalAll({ embeddings, configPath, only }: EvalAllArgs): Promise<void> {
  for (const set of LABELED_SETS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const common = { agentsDir: set.agents, dataset: set.dataset, embeddings, cwd: ROOT, configPath, warn: () => {} };
    let t0 = Date.now();
    console.log(line(set.name, await evaluateAgents(common), (Date.now() - t0) / 1000));
    if (!set.split) continue;
    t0 = Date.now();
    const odd = await evaluateAgents({
      ...common,
      loadDataset: async (agentNames) => {
        const d = await readDataset(set.dataset, { agentNames });
        return { ...d, rows: d.rows.filter((_, i) => i % 2 === 1) };
      },
    });
    console.log(line(`${set.name}/odd`, odd, (Date.now() - t0) / 1000));
  }
}

if (process.argv[1]?.endsWith("eval-all.js")) await evalAll(parseEvalAllArgs(process.argv.slice(2)));
