import { randomBytes, createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { decodeCacheFile, encodeCacheFile, hashText } from "./cache-file.js";
import type { Embedder } from "./types.js";

/**
 * Where vectors are cached when the caller does not say: `$AGENTROUTE_CACHE_DIR` (relative
 * to `cwd` if relative), else `<cwd>/.agentroute-cache`.
 *
 * @example
 * defaultCacheDir("/repo", {}); // "/repo/.agentroute-cache"
 * defaultCacheDir("/repo", { AGENTROUTE_CACHE_DIR: "/tmp/vec" }); // "/tmp/vec"
 */
export function defaultCacheDir(cwd: string, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.AGENTROUTE_CACHE_DIR;
  return fromEnv ? path.resolve(cwd, fromEnv) : path.join(cwd, ".agentroute-cache");
}

/**
 * File name for one embedder's vectors: the id made file-safe, plus a short hash of the exact
 * id so that two ids that sanitise alike still get different files.
 *
 * @example
 * cacheFileName("transformers:Xenova/all-MiniLM-L6-v2"); // "transformers_Xenova_all-MiniLM-L6-v2-<8 hex>.vec"
 */
export function cacheFileName(embedderId: string): string {
  const safe = embedderId.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 100);
  const digest = createHash("sha256").update(embedderId).digest("hex").slice(0, 8);
  return `${safe}-${digest}.vec`;
}

export interface VectorCacheOptions {
  dir: string;
  embedderId: string;
  dims: number;
  /** Where the one warning about an unusable cache file goes; defaults to stderr. */
  warn?: (message: string) => void;
}

/**
 * The on-disk vectors of one embedder, loaded fully into memory at first use. Writes replace
 * the whole file through a temp file and `rename`, so a reader or a second writer only ever
 * sees a complete file; when another process wrote since we read, its vectors are merged in
 * before ours are saved. A file that fails its checks is reported once and rebuilt.
 *
 * @example
 * const cache = new VectorCache({ dir: ".agentroute-cache", embedderId: "use-lite@0.2.0", dims: 512 });
 * await cache.load();
 * cache.get(hashText("hello")); // Float32Array | undefined
 */
export class VectorCache {
  readonly file: string;
  private readonly options: VectorCacheOptions;
  private readonly warn: (message: string) => void;
  private vectors = new Map<string, Float32Array>();
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private writable = true;
  /** size and mtime of the file as we last read or wrote it; a change means another writer. */
  private stamp = "";

  constructor(options: VectorCacheOptions) {
    this.options = options;
    this.file = path.join(options.dir, cacheFileName(options.embedderId));
    this.warn = options.warn ?? ((message) => void process.stderr.write(`${message}\n`));
  }

  get size(): number {
    return this.vectors.size;
  }

  /** Read the file once; later calls return the same promise. */
  load(): Promise<void> {
    this.loading ??= this.readValid().then((vectors) => {
      for (const [key, vector] of vectors) if (!this.vectors.has(key)) this.vectors.set(key, vector);
    });
    return this.loading;
  }

  /** The vector stored under a key from `hashText`. */
  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    if (vector.length !== this.options.dims) throw new RangeError(`vector has ${vector.length} dims, cache ${this.file} holds ${this.options.dims}`);
    this.vectors.set(key, vector);
    this.dirty = true;
  }

  /** Save new vectors, if any. Flushes run one at a time. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.writeIfDirty());
    return this.writing;
  }

  private async writeIfDirty(): Promise<void> {
    if (!this.dirty || !this.writable) return;
    if ((await this.readStamp()) !== this.stamp) {
      for (const [key, vector] of await this.readValid()) if (!this.vectors.has(key)) this.vectors.set(key, vector);
    }
    this.dirty = false;
    const { dims, embedderId } = this.options;
    const temp = `${this.file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(this.options.dir, { recursive: true });
      await writeFile(temp, encodeCacheFile({ embedderId, dims, vectors: this.vectors }));
      await rename(temp, this.file);
      this.stamp = await this.readStamp();
    } catch (err) {
      this.writable = false;
      await unlink(temp).catch(() => undefined);
      this.warn(`agentroute: could not write the vector cache ${this.file} (${describe(err)}); continuing without saving vectors.`);
    }
  }

  /** The file's vectors if it can be trusted, else none (with one warning). */
  private async readValid(): Promise<Map<string, Float32Array>> {
    let bytes: Buffer;
    try {
      this.stamp = await this.readStamp();
      bytes = await readFile(this.file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // No file yet (or a path part is not a folder, which the first write reports): nothing to say.
      if (code !== "ENOENT" && code !== "ENOTDIR") this.warn(`agentroute: could not read the vector cache ${this.file} (${describe(err)}); recomputing vectors.`);
      return new Map();
    }
    const parsed = decodeCacheFile(bytes);
    const problem = typeof parsed === "string" ? parsed
      : parsed.embedderId !== this.options.embedderId ? `written for embedder "${parsed.embedderId}"`
        : parsed.dims !== this.options.dims ? `holds ${parsed.dims}-dim vectors, expected ${this.options.dims}` : undefined;
    if (problem === undefined && typeof parsed !== "string") return parsed.vectors;
    this.warn(`agentroute: ignoring the corrupt vector cache ${this.file} (${problem}); it will be rebuilt.`);
    this.dirty = true;
    return new Map();
  }

  private async readStamp(): Promise<string> {
    try {
      const info = await stat(this.file);
      return `${info.size}:${info.mtimeMs}`;
    } catch {
      return "";
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
    async embed(texts) {
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
        await cache.flush();
      }
      return keys.map((key) => cache.get(key)!);
    },
    flush: () => cache.flush(),
    async dispose() {
      await cache.flush();
      await inner.dispose();
    },
  };
}
