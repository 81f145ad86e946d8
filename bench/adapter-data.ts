/**
 * The adapter's training data from the routing corpus: per collection, its agents' text
 * vectors (agentText, every agent of the collection) and its labeled prompts' vectors.
 * Prompts no agent should take (none-generic) are dealt round-robin to the collections.
 */
import type { Embedder } from "../src/embed/types.js";
import { agentText } from "../src/indexing/adapter.js";
import type { TrainGroup } from "./adapter-train.js";
import { collectionAgents, corpusFiles, corpusRows, NONE_COLLECTION } from "./corpus.js";

export async function trainingGroups(embedder: Embedder): Promise<TrainGroup[]> {
  const files = corpusFiles();
  const collections = [...new Set(files.map((f) => f.collection).filter((c) => c !== NONE_COLLECTION))];
  const groups: TrainGroup[] = [];
  for (const collection of collections) {
    const set = await collectionAgents(collection);
    const index = new Map(set.agents.map((a, i) => [a.name.toLowerCase(), i]));
    const rows = (await Promise.all(files.filter((f) => f.collection === collection).map(corpusRows))).flat();
    const vectors = await embedder.embed(set.agents.map(agentText));
    const agents = new Float32Array(vectors.length * embedder.dims);
    vectors.forEach((v, i) => agents.set(v, i * embedder.dims));
    groups.push({
      collection,
      agents,
      n: set.agents.length,
      prompts: await embedder.embed(rows.map((r) => r.prompt)),
      targets: rows.map((r) => r.expected.map((e) => index.get(e.toLowerCase())!)),
    });
  }
  const none = (await Promise.all(files.filter((f) => f.collection === NONE_COLLECTION).map(corpusRows))).flat();
  const vectors = await embedder.embed(none.map((r) => r.prompt));
  vectors.forEach((v, i) => {
    const g = groups[i % groups.length];
    if (!g) return;
    g.prompts.push(v);
    g.targets.push([]);
  });
  return groups;
}
