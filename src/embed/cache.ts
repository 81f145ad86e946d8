import path from "node:path";
import { userCacheDir } from "../util/user-cache.js";
import { hashText } from "./cache-file.js";
import type { Embedder } from "./types.js";
import type { VectorCache } from "./vector-cache.js";

export { cacheFileName, VectorCache } from "./vector-cache.js";
export type { VectorCacheOptions } from "./vector-cache.js";

/**
 * Where vectors and trained heads are cached when the caller does not say:
 * `$AGENTROUTE_CACHE_DIR` (relative to `cwd` if relative), else the user's cache folder
 * (`$XDG_CACHE_HOME/agentroute` or `~/.cache/agentroute`), never the folder being read: a
 * cache committed to a repository is not picked up.
 *
 * @example
 * defaultCacheDir("/repo", { HOME: "/home/me" }); // "/home/me/.cache/agentroute"
 * defaultCacheDir("/repo", { AGENTROUTE_CACHE_DIR: "/tmp/vec" }); // "/tmp/vec"
 */
export function defaultCacheDir(cwd: string, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.AGENTROUTE_CACHE_DIR;
  return fromEnv ? path.resolve(cwd, fromEnv) : userCacheDir(env);
}

export interface CacheStats {
  /** Texts answered from the cache (including repeats within one call). */
  hits: number;
  /** Distinct texts the inner embedder had to compute. */
  misses: number;
}

/** An Embedder backed by a VectorCache, with counters for benches and tests. */
export interface CachedEmbedder extends Embedder {
  readonly stats: CacheStats;
  readonly cache: VectorCache;
  /** The uncached backend (`embed(texts, { transient: true })` goes straight to it). */
  readonly inner: Embedder;
  flush(): Promise<void>;
}

/**
 * Wrap an embedder so each text is computed once per model, ever. Misses go to the inner
 * embedder in ONE call (so its batching still applies), and the file is saved before
 * `embed` returns, so a CLI run never exits with unsaved vectors.
 *
 * @example
 * const embedder = cachedEmbedder(inner, new VectorCache({ dir, embedderId: inner.id, dims: inner.dims }));
 * await embedder.embed(texts); // second run over the same texts: stats.misses stays 0
 */
export function cachedEmbedder(inner: Embedder, cache: VectorCache): CachedEmbedder {
  const stats: CacheStats = { hits: 0, misses: 0 };
  return {
    id: inner.id,
    dims: inner.dims,
    stats,
    cache,
    inner,
    async embed(texts, options) {
      if (options?.transient) return inner.embed(texts);
      await cache.load();
      const keys = texts.map(hashText);
      const missing = new Map<string, string>();
      keys.forEach((key, i) => {
        if (cache.get(key) === undefined && !missing.has(key)) missing.set(key, texts[i]!);
      });
      stats.misses += missing.size;
      stats.hits += texts.length - missing.size;
      if (missing.size > 0) {
        const vectors = await inner.embed([...missing.values()]);
        [...missing.keys()].forEach((key, i) => cache.set(key, vectors[i]!));
      }
      await cache.flush(); // no-op unless vectors were added or the file needs repair
      return keys.map((key) => cache.get(key)!);
    },
    flush: () => cache.flush(),
    async dispose() {
      await cache.flush();
      await inner.dispose();
    },
  };
}
