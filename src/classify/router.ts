import type { AgentIndex } from "../indexing/types.js";
import type { RouterConfig } from "./config.js";
import { decide } from "./decide.js";
import { prepareQuery } from "./query.js";
import { createScorer } from "./scorers/registry.js";
import type { RouteDecision, Router } from "./types.js";

/** Prompts embedded per call in `routeMany` (progress is reported between chunks). */
const CHUNK = 256;

/**
 * A router over a built index. `route(p)` and `routeMany([..., p, ...])` give identical
 * decisions: the embedders return the same vector for a text whatever else is in the batch.
 *
 * @example
 * const router = createRouter(index, resolveConfig());
 * const d = await router.route("our Jest snapshots keep breaking");
 * d.dispatch // ["test-automator"]
 */
export function createRouter(index: AgentIndex, config: RouterConfig): Router {
  const scorer = createScorer(index, config);
  const one = (prompt: string, vector: Float32Array | null): RouteDecision => {
    const q = prepareQuery(index, prompt, vector);
    return decide(index, config, scorer, q, scorer.score(q));
  };
  return {
    mode: index.embedder ? "embeddings" : "keyword",
    model: index.embedder?.id ?? null,
    agentNames: index.agents.map((a) => a.name),
    async route(prompt) {
      // One-off prompts skip the vector cache (it would grow with every prompt routed);
      // the vector is bit-identical either way.
      const [vector] = index.embedder ? await index.embedder.embed([prompt], { transient: true }) : [null];
      return one(prompt, vector ?? null);
    },
    async routeMany(prompts, onProgress) {
      const out: RouteDecision[] = [];
      for (let start = 0; start < prompts.length; start += CHUNK) {
        const chunk = prompts.slice(start, start + CHUNK);
        const vectors = index.embedder ? await index.embedder.embed(chunk) : chunk.map(() => null);
        chunk.forEach((p, i) => out.push(one(p, vectors[i] ?? null)));
        onProgress?.(out.length, prompts.length);
      }
      return out;
    },
  };
}
