import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentRouteError } from "../../src/errors.js";
import {
  createTransformersEmbedder,
  DEFAULT_TRANSFORMERS_MODEL,
  importTransformers,
  locateModel,
} from "../../src/embed/transformers.js";
import { cosine, norm, normalize } from "../../src/embed/vector.js";
import { TINY_BERT_DIMS, tinyBertWordVector, writeTinyBert } from "./tiny-bert.js";

let empty: string;
beforeAll(async () => {
  empty = await mkdtemp(path.join(tmpdir(), "agentroute-models-"));
});
afterAll(async () => {
  await rm(empty, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<AgentRouteError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AgentRouteError);
  return err as AgentRouteError;
}

describe("locateModel", () => {
  it("uses the hub when no folder is given", () => {
    expect(locateModel({})).toEqual({ modelId: DEFAULT_TRANSFORMERS_MODEL, localModelPath: undefined });
  });

  it("resolves a model id under a models folder", () => {
    expect(locateModel({ model: "Xenova/bge-small-en-v1.5", modelDir: empty })).toEqual({
      modelId: "Xenova/bge-small-en-v1.5",
      localModelPath: empty,
    });
  });

  it("accepts a folder that is one model", async () => {
    const one = path.join(empty, "my-model");
    await mkdir(one, { recursive: true });
    await writeFile(path.join(one, "config.json"), "{}");
    expect(locateModel({ modelDir: one })).toEqual({ modelId: "my-model", localModelPath: empty });
    await rm(one, { recursive: true });
  });

  it("names a missing folder", async () => {
    const err = await failure((async () => locateModel({ modelDir: path.join(empty, "nope") }))());
    expect(err.code).toBe("MODEL_UNAVAILABLE");
    expect(err.message).toContain(path.join(empty, "nope"));
  });
});

describe("importTransformers (the optional peer package)", () => {
  const missing = (code: string) => () =>
    Promise.reject(Object.assign(new Error("Cannot find package '@huggingface/transformers'"), { code }));

  it.each(["ERR_MODULE_NOT_FOUND", "MODULE_NOT_FOUND"])(
    "names the package and the install command when it is missing (%s)",
    async (code) => {
      const err = await failure(importTransformers(missing(code)));
      expect(err.code).toBe("MODEL_UNAVAILABLE");
      expect(err.message).toBe(
        "--model and --model-dir use the optional package @huggingface/transformers, which is not installed",
      );
      expect(err.hint).toContain("npm install @huggingface/transformers");
      expect(err.hint).toContain("USE-lite");
    },
  );

  it("passes any other failure on unchanged", async () => {
    const broken = new Error("bad native binary");
    await expect(importTransformers(() => Promise.reject(broken))).rejects.toBe(broken);
  });

  it("loads the installed package (a devDependency here)", async () => {
    expect(typeof (await importTransformers()).pipeline).toBe("function");
  });
});

describe("transformers backend without a model on disk", () => {
  it("fails fast with MODEL_UNAVAILABLE, naming model and folder, hinting --model-dir and --no-embeddings", async () => {
    const started = performance.now();
    const err = await failure(createTransformersEmbedder({ model: "Xenova/all-MiniLM-L6-v2", modelDir: empty }));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(err.code).toBe("MODEL_UNAVAILABLE");
    expect(err.message).toMatch(new RegExp(`^could not load model Xenova/all-MiniLM-L6-v2 from ${empty}: .+`));
    expect(err.hint).toMatch(/--model-dir/);
    expect(err.hint).toMatch(/--no-embeddings/);
  }, 30_000);
});

describe("transformers backend on a tiny real ONNX model (offline)", () => {
  const texts = [
    "How do I reset my password?",
    "I forgot my login password",
    "The weather is sunny today",
    "deploy to staging",
  ];

  it("loads a one-model folder and embeds with mean pooling, normalised", async () => {
    const folder = await writeTinyBert(empty, "tiny-bert");
    const embedder = await createTransformersEmbedder({ modelDir: folder });
    expect({ id: embedder.id, dims: embedder.dims }).toEqual({ id: "transformers:tiny-bert", dims: TINY_BERT_DIMS });
    const [a, b, c] = await embedder.embed(texts.slice(0, 3));
    expect(norm(a!)).toBeCloseTo(1, 6);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!) + 0.2);
    await embedder.dispose();
  }, 60_000);

  it("matches the normalised mean of the token vectors the model holds", async () => {
    await writeTinyBert(path.join(empty, "org"), "tiny-bert");
    const embedder = await createTransformersEmbedder({ model: "org/tiny-bert", modelDir: empty });
    expect(embedder.id).toBe("transformers:org/tiny-bert");
    const [sentence] = await embedder.embed(["Deploy to STAGING"]);
    // [CLS] deploy to staging [SEP]: the special tokens embed to zero, so the mean points along the sum.
    const sum = new Float64Array(TINY_BERT_DIMS);
    for (const word of ["deploy", "to", "staging"]) tinyBertWordVector(word).forEach((x, i) => (sum[i]! += x));
    const expected = normalize(sum);
    sentence!.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 6));
    await embedder.dispose();
  }, 60_000);

  it("embeds a text bit-identically alone and in a mixed batch; blanks get zero", async () => {
    const embedder = await createTransformersEmbedder({ modelDir: path.join(empty, "tiny-bert") });
    const batched = await embedder.embed(["", ...texts, "   "]);
    for (const [i, text] of texts.entries()) expect(batched[i + 1]).toEqual((await embedder.embed([text]))[0]);
    expect(batched[0]).toEqual(new Float32Array(TINY_BERT_DIMS));
    expect(batched[texts.length + 1]).toEqual(new Float32Array(TINY_BERT_DIMS));
    await embedder.dispose();
  }, 60_000);
});

/**
 * Runs where a model is on disk: AGENTROUTE_TEST_MODEL_DIR=<folder holding <model id>/…>
 * and optionally AGENTROUTE_TEST_MODEL (default Xenova/all-MiniLM-L6-v2).
 */
describe.runIf(process.env.AGENTROUTE_TEST_MODEL_DIR)("transformers backend with a real model", () => {
  it("embeds to unit vectors, related closer than unrelated, batch-invariant", async () => {
    const embedder = await createTransformersEmbedder({
      model: process.env.AGENTROUTE_TEST_MODEL ?? DEFAULT_TRANSFORMERS_MODEL,
      modelDir: process.env.AGENTROUTE_TEST_MODEL_DIR,
    });
    const texts = ["How do I reset my password?", "I forgot my login password", "The weather is sunny today"];
    const [a, b, c] = await embedder.embed(texts);
    expect(norm(a!)).toBeCloseTo(1, 5);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!) + 0.2);
    for (const [i, text] of texts.entries()) expect((await embedder.embed([text]))[0]).toEqual([a, b, c][i]);
    await embedder.dispose();
  }, 120_000);
});
