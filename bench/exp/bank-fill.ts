/**
 * Experiment: the corpus bank on collections it has no prompts for (each collection's own corpus
 * prompts left out), under the config's bank options given as JSON:
 * `node dist/bench/exp/bank-fill.js '{"minSimilarity":0.6}' [collections…]`. Default fusion, no
 * refit; datasets/ rows where the collection has them, else its corpus rows. About 20 s cached.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmbedder } from "../../src/embed/registry.js";
import { evaluateAgents } from "../../src/eval/evaluate.js";
import { isExactMatch } from "../../src/eval/metrics.js";
import { bankWithout } from "../build-bank.js";
import { collectionDir, corpusFiles, corpusRows, NONE_COLLECTION } from "../corpus.js";
import { LABELED_SETS, ROOT } from "../sets.js";

const options = JSON.parse(process.argv[2] ?? "{}") as Record<string, unknown>;
const only = process.argv.slice(3);
const dir = mkdtempSync(path.join(os.tmpdir(), "bank-fill-"));
const configPath = path.join(dir, "config.json");
writeFileSync(configPath, JSON.stringify({ bank: { enabled: true, ...options } }));
const embedder = await createEmbedder({}, { cwd: ROOT });
const DATASETS: Record<string, string> = {
  "claude-config-12": "claude-config-12",
  "claude-config-28": "claude-config-28",
  "wshobson-agents": "wshobson-agents",
  "voltagent-subagents": "voltagent-subagents",
  "vijaythecoder-agents": "vijaythecoder-agents",
};
const files = corpusFiles();
const collections = [
  ...Object.keys(DATASETS),
  ...["0xfurai-subagents", "claudekit-agents", "every-compound-agents", "everything-claude-code-agents"],
].filter((c) => only.length === 0 || only.includes(c));
const none = (await Promise.all(files.filter((f) => f.collection === NONE_COLLECTION).map(corpusRows))).flat();
let header = "";
const totals = { acc: 0, f1: 0, n: 0 };
for (const c of collections) {
  const set = LABELED_SETS.find((s) => s.name === c);
  const bank = await bankWithout(embedder, [c]);
  const r = await evaluateAgents({
    agentsDir: set?.agents ?? collectionDir(c),
    dataset: set?.dataset ?? "corpus",
    embeddings: true,
    cwd: ROOT,
    configPath,
    bank,
    warn: () => {},
    onConfig: (note) => void (header = note.header),
    ...(!set && {
      loadDataset: async () => {
        const rows = (await Promise.all(files.filter((f) => f.collection === c).map(corpusRows))).flat();
        const k = collections.indexOf(c);
        return { path: `corpus/${c}`, rows: [...rows, ...none.filter((_, i) => i % 9 === k)] } as never;
      },
    }),
  });
  const para = r.cases.filter((x) => x.tags?.kind === "paraphrase");
  const paraAcc = para.length ? para.filter(isExactMatch).length / para.length : NaN;
  const s = r.summary;
  totals.acc += s.accuracy;
  totals.f1 += s.macro.f1;
  totals.n++;
  console.log(
    `${c.padEnd(30)} acc ${s.accuracy.toFixed(3)} macroF1 ${s.macro.f1.toFixed(3)} para ${paraAcc.toFixed(2)} noneF1 ${s.none.f1.toFixed(2)}  ${header.replace(/.*corpus bank: /, "")}`,
  );
}
console.log(
  `MEAN acc ${(totals.acc / totals.n).toFixed(3)} macroF1 ${(totals.f1 / totals.n).toFixed(3)}  ${JSON.stringify(options)}`,
);
