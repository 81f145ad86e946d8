/**
 * Where the time of one warm route goes, stage by stage, with the prompt vector precomputed:
 * `node dist/bench/profile-route.js [agents=100 | FOLDER] [keyword] [fresh] [nobank]`
 * (fresh: 200 different prompts, each routed once, as the bench does). A developer's tool for the
 * "rest of routing" budget (the bench reports only the total).
 */
import { resolveConfig } from "../src/classify/config.js";
import { decide } from "../src/classify/decide.js";
import { prepareQuery } from "../src/classify/query.js";
import { createScorer } from "../src/classify/scorers/registry.js";
import { createEmbedder } from "../src/embed/registry.js";
import { buildIndex } from "../src/indexing/build.js";
import { buildSizedSet } from "./speed-sets.js";
import { loadAgents } from "../src/agents/load/load.js";
import { ROOT } from "./sets.js";
import path from "node:path";
import { readFileSync } from "node:fs";

const arg = process.argv[2] ?? "100";
const keyword = process.argv.includes("keyword");
// A number: the bench's sized set of that many real agents; else an agents folder.
const { set } = /^\d+$/.test(arg) ? await buildSizedSet(Number(arg)) : { set: await loadAgents(arg) };
const cacheDir = process.env.AGENTROUTE_CACHE_DIR ?? path.join(ROOT, ".agentroute-cache");
const embedder = keyword ? null : await createEmbedder({ cacheDir });
const bank = process.argv.includes("nobank") ? false : undefined;
const index = await buildIndex(set, { embedder, cacheDir, bank });
console.log(`${index.pieces.length} pieces; ${index.bank}`);
const config = resolveConfig({});
const scorer = createScorer(index, config);
const fresh = process.argv.includes("fresh");
const prompts = fresh
  ? readFileSync(path.join(ROOT, "datasets/example.csv"), "utf8")
      .split("\n")
      .slice(1, 201)
      .map((l) => l.split(",")[0]!.replace(/^"/, ""))
      .filter(Boolean)
  : [
      "the deploy failed, roll it back",
      "add an index to the orders table",
      "our jest snapshots break",
      "write the README",
      "why is the checkout page slow on mobile",
    ];
const vectors = embedder ? await embedder.embed(prompts) : prompts.map(() => null);
const t = { prepare: 0, score: 0, decide: 0 };
const rounds = fresh ? 1 : 200;
for (let r = 0; r < rounds; r++) {
  prompts.forEach((p, i) => {
    let s = performance.now();
    const q = prepareQuery(index, p, vectors[i] ?? null);
    t.prepare += performance.now() - s;
    s = performance.now();
    const out = scorer.score(q);
    t.score += performance.now() - s;
    s = performance.now();
    decide(index, config, scorer, q, out);
    t.decide += performance.now() - s;
  });
}
const n = rounds * prompts.length;
console.log(
  `${index.agents.length} agents, ${index.pieces.length} pieces, ${keyword ? "keyword" : "embeddings"}: prepare ${(t.prepare / n).toFixed(3)} ms, score ${(t.score / n).toFixed(3)} ms, decide ${(t.decide / n).toFixed(3)} ms`,
);
