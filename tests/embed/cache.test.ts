import { lstat, mkdtemp, readFile, readdir, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cachedEmbedder, cacheFileName, defaultCacheDir, VectorCache } from "../../src/embed/cache.js";
import { decodeCacheFile, hashText } from "../../src/embed/cache-file.js";
import type { Embedder } from "../../src/embed/types.js";
import { createUseLiteEmbedder } from "../../src/embed/use-lite.js";

/** The real model, counting what it is asked to compute. */
function countingEmbedder(inner: Embedder) {
  const calls: string[][] = [];
  const embedder: Embedder = {
    id: inner.id,
    dims: inner.dims,
    dispose: () => inner.dispose(),
    embed: (texts) => (calls.push([...texts]), inner.embed(texts)),
  };
  return { embedder, calls };
}

const texts = [
  "run the database migration",
  "write unit tests for the parser",
  "why is CI red?",
  "review my pull request",
];
let model: Embedder;
let dir: string;
const warnings: string[] = [];
const warn = (message: string) => void warnings.push(message);

beforeAll(async () => {
  model = await createUseLiteEmbedder({});
});
afterEach(async () => {
  warnings.length = 0;
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), "agentroute-cache-"));
  return dir;
}

function openCache(cacheDir: string, id = model.id, dims = model.dims) {
  return new VectorCache({ dir: cacheDir, embedderId: id, dims, warn });
}

describe("defaultCacheDir", () => {
  it.each([
    { cwd: "/repo", env: { HOME: "/home/me" }, expected: "/home/me/.cache/agentroute" },
    { cwd: "/repo", env: { HOME: "/home/me", XDG_CACHE_HOME: "/xdg" }, expected: "/xdg/agentroute" },
    { cwd: "/repo", env: { AGENTROUTE_CACHE_DIR: "/tmp/vec" }, expected: "/tmp/vec" },
    { cwd: "/repo", env: { AGENTROUTE_CACHE_DIR: "cache" }, expected: "/repo/cache" },
    { cwd: "/repo", env: { HOME: "/home/me", AGENTROUTE_CACHE_DIR: "" }, expected: "/home/me/.cache/agentroute" },
  ])("$env in $cwd → $expected", ({ cwd, env, expected }) => {
    expect(defaultCacheDir(cwd, env)).toBe(expected);
  });

  it("makes file names safe and distinct per embedder id", () => {
    expect(cacheFileName("transformers:Xenova/all-MiniLM-L6-v2")).toMatch(
      /^transformers_Xenova_all-MiniLM-L6-v2-[0-9a-f]{8}\.vec$/,
    );
    expect(cacheFileName("a/b")).not.toBe(cacheFileName("a:b"));
  });
});

describe("cachedEmbedder over the real model", () => {
  it("computes nothing on a second run over the same texts, and returns identical bits", async () => {
    const cacheDir = await freshDir();
    const first = countingEmbedder(model);
    const run1 = cachedEmbedder(first.embedder, openCache(cacheDir));
    const fresh = await run1.embed([...texts, texts[0]!]);
    expect(first.calls).toEqual([texts]);
    expect(run1.stats).toEqual({ hits: 1, misses: 4 });

    const second = countingEmbedder(model);
    const run2 = cachedEmbedder(second.embedder, openCache(cacheDir));
    const cached = await run2.embed(texts);
    expect(second.calls).toEqual([]);
    expect(run2.stats).toEqual({ hits: 4, misses: 0 });
    expect(cached).toEqual(fresh.slice(0, 4));
    expect(warnings).toEqual([]);
    expect(run2.inner).toBe(second.embedder);
  });

  it("computes transient texts without storing them, with the same bits", async () => {
    const cacheDir = await freshDir();
    const run = cachedEmbedder(model, openCache(cacheDir));
    const transient = await run.embed(texts, { transient: true });
    expect(run.stats).toEqual({ hits: 0, misses: 0 });
    expect(await readdir(cacheDir)).toEqual([]);
    expect(transient).toEqual(await run.embed(texts));
  });

  it("sends only the misses to the model, in one call", async () => {
    const cacheDir = await freshDir();
    await cachedEmbedder(model, openCache(cacheDir)).embed(texts.slice(0, 2));
    const counting = countingEmbedder(model);
    const run = cachedEmbedder(counting.embedder, openCache(cacheDir));
    const out = await run.embed(texts);
    expect(counting.calls).toEqual([texts.slice(2)]);
    expect(out).toEqual(await model.embed(texts));
  });

  it.each([
    { name: "truncated", recomputed: 4, damage: (file: string) => truncate(file, 100) },
    {
      name: "one flipped byte",
      recomputed: 1,
      damage: async (file: string) => {
        const bytes = await readFile(file);
        bytes[bytes.length - 5]! ^= 0xff;
        await writeFile(file, bytes);
      },
    },
    { name: "replaced by text", recomputed: 4, damage: (file: string) => writeFile(file, "not a cache") },
  ])(
    "recovers from a $name cache file with one warning, recomputing only what was lost",
    async ({ damage, recomputed }) => {
      const cacheDir = await freshDir();
      const seed = cachedEmbedder(model, openCache(cacheDir));
      await seed.embed(texts);
      await damage(seed.cache.file);

      const counting = countingEmbedder(model);
      const run = cachedEmbedder(counting.embedder, openCache(cacheDir));
      const out = await run.embed(texts);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/vector cache .*\.vec is damaged \(.+\); keeping \d+ good vectors and rewriting it/);
      expect(counting.calls.flat()).toHaveLength(recomputed);
      expect(out).toEqual(await model.embed(texts));
      const rebuilt = decodeCacheFile(await readFile(run.cache.file));
      if (typeof rebuilt === "string") throw new Error(rebuilt);
      expect({ damage: rebuilt.damage, size: rebuilt.vectors.size }).toEqual({ damage: undefined, size: texts.length });
    },
  );

  it("repairs a damaged file even when nothing new is computed", async () => {
    const cacheDir = await freshDir();
    const seed = cachedEmbedder(model, openCache(cacheDir));
    await seed.embed(texts);
    await writeFile(seed.cache.file, Buffer.concat([await readFile(seed.cache.file), Buffer.from("junk")]));
    await cachedEmbedder(model, openCache(cacheDir)).embed(texts);
    await cachedEmbedder(model, openCache(cacheDir)).embed(texts);
    expect(warnings).toHaveLength(1);
  });

  it("ignores a file written for another embedder id", async () => {
    const cacheDir = await freshDir();
    const other = openCache(cacheDir, "other@1", 512);
    other.set(hashText("x"), new Float32Array(512));
    await other.flush();
    const fileOfOther = other.file;
    const mine = openCache(cacheDir);
    // Point both at one file name to simulate a collision: copy the other's file over ours.
    await writeFile(mine.file, await readFile(fileOfOther));
    await mine.load();
    expect(mine.size).toBe(0);
    expect(warnings[0]).toMatch(/damaged \(written for embedder "other@1"\)/);
  });
});

describe("VectorCache with several writers", () => {
  const vec = (seed: number) => Float32Array.from({ length: 8 }, (_, i) => Math.cos(seed + i));

  it("merges what another writer saved since it loaded", async () => {
    const cacheDir = await freshDir();
    const a = openCache(cacheDir, "w@1", 8);
    const b = openCache(cacheDir, "w@1", 8);
    await Promise.all([a.load(), b.load()]);
    a.set(hashText("from a"), vec(1));
    await a.flush();
    b.set(hashText("from b"), vec(2));
    await b.flush();
    const reader = openCache(cacheDir, "w@1", 8);
    await reader.load();
    expect(reader.get(hashText("from a"))).toEqual(vec(1));
    expect(reader.get(hashText("from b"))).toEqual(vec(2));
  });

  it("keeps every writer's vectors, in a valid file with no temp files, when writers race", async () => {
    const cacheDir = await freshDir();
    const writers = Array.from({ length: 6 }, () => openCache(cacheDir, "w@1", 8));
    await Promise.all(writers.map((w) => w.load()));
    await Promise.all(
      writers.map(async (w, k) => {
        for (let round = 0; round < 5; round++) {
          w.set(hashText(`w${k} r${round}`), vec(k * 10 + round));
          await w.flush();
        }
      }),
    );
    const decoded = decodeCacheFile(await readFile(writers[0]!.file));
    expect(typeof decoded).not.toBe("string");
    const stored = typeof decoded === "string" ? new Map() : decoded.vectors;
    expect(stored.size).toBe(30);
    for (const [key, vector] of stored) {
      const match = [...Array(30).keys()].find((n) => hashText(`w${Math.floor(n / 5)} r${n % 5}`) === key);
      expect(match).toBeDefined();
      expect(vector).toEqual(vec(Math.floor(match! / 5) * 10 + (match! % 5)));
    }
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("warns once and keeps working when the folder cannot be written", async () => {
    const cacheDir = await freshDir();
    const blocked = path.join(cacheDir, "file-not-folder");
    await writeFile(blocked, "");
    const cache = openCache(blocked, "w@1", 8);
    await cache.load();
    cache.set(hashText("a"), vec(1));
    await cache.flush();
    cache.set(hashText("b"), vec(2));
    await cache.flush();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not write the vector cache/);
    expect(cache.get(hashText("b"))).toEqual(vec(2));
  });
});

describe("a planted vector cache file (issue 14, cases 1 and 2)", () => {
  it("a .vec that is a symlink to /dev/zero is refused at once with a warning, then replaced by a real file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-cache-zero-"));
    try {
      const cache = new VectorCache({ dir, embedderId: "test@1", dims: 4, warn });
      await symlink("/dev/zero", cache.file);
      await cache.load();
      expect(cache.size).toBe(0);
      expect(warnings).toEqual([expect.stringMatching(/device, not a regular file/)]);
      cache.set(hashText("a"), new Float32Array([1, 0, 0, 0]));
      await cache.flush();
      expect((await lstat(cache.file)).isFile()).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
