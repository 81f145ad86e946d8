import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentRouteError } from "../../src/errors.js";
import type { CachedEmbedder } from "../../src/embed/cache.js";
import { chooseBackend, createEmbedder, listEmbedderBackends } from "../../src/embed/registry.js";
import { writeTinyBert } from "./tiny-bert.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agentroute-registry-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("chooseBackend", () => {
  it.each([
    { options: {}, expected: "use-lite" },
    { options: { model: "Xenova/all-MiniLM-L6-v2" }, expected: "transformers" },
    { options: { modelDir: "models" }, expected: "transformers" },
    { options: { backend: "use-lite", modelDir: "models" }, expected: "use-lite" },
    { options: { backend: "transformers" }, expected: "transformers" },
  ])("$options → $expected", ({ options, expected }) => {
    expect(chooseBackend(options)).toBe(expected);
  });

  it.each(["bert", "toString", "__proto__"])("rejects unknown backend %s, listing the valid ones", (backend) => {
    let err: unknown;
    try {
      chooseBackend({ backend });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AgentRouteError);
    expect((err as AgentRouteError).code).toBe("USAGE");
    expect((err as AgentRouteError).message).toBe(
      `unknown embedding backend "${backend}"; valid backends: transformers, use-lite`,
    );
  });

  it("lists backends sorted", () => {
    expect(listEmbedderBackends()).toEqual(["transformers", "use-lite"]);
  });
});

describe("createEmbedder", () => {
  it("wraps the default backend in the cache, which a second embedder then serves", async () => {
    const first = (await createEmbedder({ cacheDir: dir })) as CachedEmbedder;
    expect(first.id).toBe("use-lite@0.2.0");
    const vectors = await first.embed(["plan the sprint", "triage this bug"]);
    expect(first.stats).toEqual({ hits: 0, misses: 2 });
    const second = (await createEmbedder({ cacheDir: dir })) as CachedEmbedder;
    expect(await second.embed(["triage this bug", "plan the sprint"])).toEqual([vectors[1], vectors[0]]);
    expect(second.stats).toEqual({ hits: 2, misses: 0 });
    await Promise.all([first.dispose(), second.dispose()]);
  });

  it("uses $AGENTROUTE_CACHE_DIR when no cacheDir is given", async () => {
    const embedder = (await createEmbedder({}, { cwd: "/", env: { AGENTROUTE_CACHE_DIR: dir } })) as CachedEmbedder;
    expect(path.dirname(embedder.cache.file)).toBe(dir);
  });

  it("returns the bare backend when cacheDir is null", async () => {
    const embedder = await createEmbedder({ cacheDir: null });
    expect("stats" in embedder).toBe(false);
    expect((await embedder.embed(["hello"]))[0]!.length).toBe(512);
  });

  it("picks the transformers backend for --model-dir, cached under its own id", async () => {
    const folder = await writeTinyBert(path.join(dir, "models"), "tiny-bert");
    const first = (await createEmbedder({ modelDir: folder, cacheDir: dir })) as CachedEmbedder;
    const vectors = await first.embed(["reset my password"]);
    const second = (await createEmbedder({ modelDir: folder, cacheDir: dir })) as CachedEmbedder;
    expect(await second.embed(["reset my password"])).toEqual(vectors);
    expect({ id: second.id, misses: second.stats.misses, file: path.basename(second.cache.file) }).toMatchObject({
      id: "transformers:tiny-bert",
      misses: 0,
      file: expect.stringMatching(/^transformers_tiny-bert-/),
    });
    await Promise.all([first.dispose(), second.dispose()]);
  }, 60_000);

  it("reports a model that cannot be loaded as MODEL_UNAVAILABLE", async () => {
    await expect(createEmbedder({ modelDir: dir, cacheDir: null })).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
    });
  }, 30_000);
});
