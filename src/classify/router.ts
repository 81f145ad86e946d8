import type { AgentIndex } from "../indexing/types.js";
import type { RouterConfig } from "./config.js";
import { decide } from "./decide.js";
import { combineJobs, splitJobs } from "./jobs.js";
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
  const whole = (prompt: string, vector: Float32Array | null): RouteDecision => {
    const q = prepareQuery(index, prompt, vector);
    return decide(index, config, scorer, q, scorer.score(q));
  };
  /** The prompt and each of its jobs (one entry when it holds one job), with their vectors. */
  const one = (texts: readonly string[], vectors: readonly (Float32Array | null)[]): RouteDecision => {
    const decision = whole(texts[0]!, vectors[0] ?? null);
    if (texts.length < 2) return decision;
    const jobs = texts.slice(1).map((t, i) => whole(t, vectors[i + 1] ?? null));
    return combineJobs(decision, jobs, config.multi);
  };
  const textsOf = (prompt: string): string[] => {
    const jobs = config.multi.jobMin < 1 ? splitJobs(prompt) : [prompt];
    return jobs.length > 1 ? [prompt, ...jobs] : [prompt];
  };
  return {
    mode: index.embedder ? "embeddings" : "keyword",
    model: index.embedder?.id ?? null,
    agentNames: index.agents.map((a) => a.name),
    async route(prompt) {
      // One-off prompts skip the vector cache (it would grow with every prompt routed);
      // the vector is bit-identical either way.
      const texts = textsOf(prompt);
      return one(
        texts,
        index.embedder ? await index.embedder.embed(texts, { transient: true }) : texts.map(() => null),
      );
    },
    async routeMany(prompts, onProgress) {
      const out: RouteDecision[] = [];
      for (let start = 0; start < prompts.length; start += CHUNK) {
        const texts = prompts.slice(start, start + CHUNK).map(textsOf);
        const flat = texts.flat();
        const vectors = index.embedder ? await index.embedder.embed(flat) : flat.map(() => null);
        let at = 0;
        for (const t of texts) {
          out.push(one(t, vectors.slice(at, at + t.length)));
          at += t.length;
        }
        onProgress?.(out.length, prompts.length);
      }
      return out;
    },
  };
}
