import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { link, mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { isAgentRouteError } from "../errors.js";
import { readRegularFile } from "../util/safe-read.js";
import { decodeCacheFile, encodeCacheFile, encodeCacheRecords } from "./cache-file.js";

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

/** Largest vector cache read: about 500,000 vectors of 512 dims. A larger file is rebuilt. */
export const MAX_VECTOR_CACHE_BYTES = 1024 * 1024 * 1024;

export interface VectorCacheOptions {
  dir: string;
  embedderId: string;
  dims: number;
  /** Where warnings about an unusable cache file go; defaults to stderr. */
  warn?: (message: string) => void;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/**
 * The on-disk vectors of one embedder, loaded fully into memory at first use.
 *
 * Saving appends whole records to the file (O_APPEND, never creating it), so it costs what
 * was added and concurrent writers keep each other's records. A new file is written to a temp
 * name and hard-linked into place only if none exists yet; a damaged file is reported once,
 * its good records kept, and it is rewritten through temp + rename. Readers therefore only
 * ever see a header-complete file, and never trust a record whose checksum fails.
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
  private readonly vectors = new Map<string, Float32Array>();
  private pending: [string, Float32Array][] = [];
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The file on disk is damaged or foreign and must be replaced, not appended to. */
  private rewrite = false;
  private writable = true;

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
    this.loading ??= this.read();
    return this.loading;
  }

  /** The vector stored under a key from `hashText`. */
  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    if (vector.length !== this.options.dims)
      throw new RangeError(`vector has ${vector.length} dims, cache ${this.file} holds ${this.options.dims}`);
    if (this.vectors.has(key)) return;
    this.vectors.set(key, vector);
    this.pending.push([key, vector]);
  }

  /** Save vectors added since the last flush. Flushes run one at a time. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.save());
    return this.writing;
  }

  private async read(): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(this.file, MAX_VECTOR_CACHE_BYTES, {
        what: "vector cache",
        hint: "It is rebuilt.",
      });
    } catch (err) {
      // No file yet (or a path part is not a folder, which the first save reports): nothing to say.
      if (!isAgentRouteError(err) || err.code !== "NOT_FOUND")
        this.warn(`agentroute: could not read the vector cache ${this.file} (${describe(err)}); recomputing vectors.`);
      // A FIFO, device or oversized file is replaced by the next save, never appended to.
      this.rewrite = isAgentRouteError(err) && err.code !== "NOT_FOUND";
      return;
    }
    const parsed = decodeCacheFile(bytes);
    const { embedderId, dims } = this.options;
    const problem =
      typeof parsed === "string"
        ? parsed
        : parsed.embedderId !== embedderId
          ? `written for embedder "${parsed.embedderId}"`
          : parsed.dims !== dims
            ? `holds ${parsed.dims}-dim vectors, expected ${dims}`
            : parsed.damage;
    if (typeof parsed !== "string" && parsed.embedderId === embedderId && parsed.dims === dims) {
      for (const [key, vector] of parsed.vectors) this.vectors.set(key, vector);
    }
    // Writers that raced to compute the same texts leave repeats; compact once they dominate.
    if (typeof parsed !== "string" && parsed.duplicates > parsed.vectors.size) this.rewrite = true;
    if (problem !== undefined) {
      this.warn(
        `agentroute: the vector cache ${this.file} is damaged (${problem}); keeping ${this.vectors.size} good vectors and rewriting it.`,
      );
      this.rewrite = true;
    }
  }

  private async save(): Promise<void> {
    if (!this.writable || (this.pending.length === 0 && !this.rewrite)) return;
    const pending = this.pending;
    this.pending = [];
    try {
      await mkdir(this.options.dir, { recursive: true });
      if (this.rewrite) await this.writeWhole("replace");
      else if (!(await this.append(pending)) && !(await this.writeWhole("create"))) await this.append(pending);
      this.rewrite = false;
    } catch (err) {
      this.writable = false;
      this.warn(
        `agentroute: could not write the vector cache ${this.file} (${describe(err)}); continuing without saving vectors.`,
      );
    }
  }

  /** Append records to an existing file; false when there is no file to append to. */
  private async append(entries: [string, Float32Array][]): Promise<boolean> {
    let handle;
    try {
      handle = await open(this.file, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
    } catch (err) {
      if (errorCode(err) === "ENOENT") return false;
      throw err;
    }
    try {
      // One write call: on a local file system an O_APPEND write lands whole, after any other.
      await handle.write(encodeCacheRecords(entries, this.options.dims));
    } finally {
      await handle.close();
    }
    return true;
  }

  /**
   * Write every vector in memory to a temp file, then move it into place: by hard link when
   * creating (fails if another process created the file first, so nothing of theirs is lost),
   * by rename when replacing a damaged file. Returns false when creation lost that race.
   */
  private async writeWhole(mode: "create" | "replace"): Promise<boolean> {
    const { embedderId, dims } = this.options;
    const temp = `${this.file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o644,
    );
    try {
      await handle.writeFile(encodeCacheFile({ embedderId, dims, vectors: this.vectors }));
    } finally {
      await handle.close();
    }
    try {
      if (mode === "replace") await rename(temp, this.file);
      else await link(temp, this.file);
      return true;
    } catch (err) {
      if (mode === "create" && errorCode(err) === "EEXIST") return false;
      if (mode === "create" && (errorCode(err) === "EPERM" || errorCode(err) === "ENOTSUP")) {
        await rename(temp, this.file); // no hard links on this file system: last creator wins
        return true;
      }
      throw err;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
}
