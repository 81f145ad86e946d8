/** Developer's tool: where prepareQuery's time goes, part by part, on 200 fresh prompts. */
import { pieceCosines } from "../src/classify/similarity.js";
import { dotRows } from "../src/embed/vector.js";
import { createEmbedder } from "../src/embed/registry.js";
import { sparseFeatures } from "../src/indexing/features.js";
import { expandWithLexicon, lexiconWords } from "../src/indexing/expand.js";
import { contentStems, stemAll } from "../src/indexing/text.js";
import { buildIndex } from "../src/indexing/build.js";
import { buildSizedSet } from "./speed-sets.js";
import { ROOT } from "./sets.js";
import path from "node:path";
import { readFileSync } from "node:fs";

const count = Number(process.argv[2] ?? 100);
const { set } = await buildSizedSet(count);
const cacheDir = path.join(ROOT, ".agentroute-cache");
const embedder = await createEmbedder({ cacheDir });
const index = await buildIndex(set, { embedder, cacheDir });
const prompts = readFileSync(path.join(ROOT, "datasets/example.csv"), "utf8")
  .split("\n")
  .slice(1, 201)
  .map((l) => l.split(",")[0]!.replace(/^"/, ""))
  .filter(Boolean);
const vectors = await embedder.embed(prompts);
const t: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => {
  const s = performance.now();
  const r = f();
  t[k] = (t[k] ?? 0) + performance.now() - s;
  return r;
};
for (const v of vectors.slice(0, 5)) pieceCosines(index, v!); // plan and kernel set-up, once per index
prompts.forEach((p, i) => {
  const lex = time("lexiconWords", () => lexiconWords(p));
  time("pieceCosines", () => pieceCosines(index, vectors[i]!));
  time("contentStems", () => [...new Set([...contentStems(p), ...contentStems(lex.join(" "))])]);
  time("stemAll", () => stemAll(p));
  time("sparse", () => sparseFeatures(expandWithLexicon(p, lex), index.head.vocab));
  time("background", () => dotRows(index.background!, index.dims, vectors[i]!));
});
console.log(
  count,
  Object.entries(t)
    .map(([k, v]) => `${k} ${(v / prompts.length).toFixed(3)}`)
    .join(", "),
);
