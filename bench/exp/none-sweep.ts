/**
 * Experiment: threshold sweep of in-scope accuracy against out-of-scope recall on an intent
 * set: `node dist/bench/exp/none-sweep.js AGENTS IN.csv OOS.csv [config.json]`.
 */
import { openRouter } from "../../src/pipeline/open.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { ROOT } from "../sets.js";

const [agents, inFile, oosFile, configPath] = process.argv.slice(2) as [string, string, string, string?];
const opened = await openRouter({ agentsDir: agents, cwd: ROOT, configPath, warn: () => {} });
const names = opened.router.agentNames;
const read = async (f: string) => (await readDataset(f, { agentNames: names })).rows;
const score = async (rows: Awaited<ReturnType<typeof read>>) => {
  const out: { top: string; s: number; exp: string[] }[] = [];
  for (const r of rows) {
    const d = await opened.router.route(r.prompt);
    out.push({ top: d.ranked[0]!.agent, s: d.ranked[0]!.score, exp: r.expected });
  }
  return out;
};
const ins = await score(await read(inFile));
const oos = await score(await read(oosFile));
const top1 = ins.filter((x) => x.exp.includes(x.top)).length / ins.length;
console.log(`top1 ${top1.toFixed(3)}`);
for (let t = 0.1; t <= 0.6; t += 0.025) {
  const acc = ins.filter((x) => x.s >= t && x.exp.includes(x.top)).length / ins.length;
  const rec = oos.filter((x) => x.s < t).length / oos.length;
  console.log(`t ${t.toFixed(3)}  in-scope ${acc.toFixed(3)}  oos recall ${rec.toFixed(3)}`);
}
