import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { AgentRouteError } from "../errors.js";
import { embedNonBlank, planBuckets, truncateChars } from "./batching.js";
import type { Embedder, EmbedderOptions } from "./types.js";
import { normalize } from "./vector.js";

/** The model a user gets with `--backend transformers` and no `--model`. */
export const DEFAULT_TRANSFORMERS_MODEL = "Xenova/all-MiniLM-L6-v2";
/** Characters kept per text; the pipeline truncates tokens to the model's limit anyway. */
const MAX_CHARS = 8000;
const MAX_CHUNK = 32;

/** What we use of a feature-extraction pipeline (the package's own types are far wider). */
interface FeatureExtractor {
  (
    texts: string[],
    options: { pooling: "mean"; normalize: true },
  ): Promise<{ data: ArrayLike<number>; dims: number[] }>;
  tokenizer: { encode(text: string): number[] };
  dispose(): Promise<void>;
}

export interface ModelLocation {
  /** The id passed to `pipeline`, resolved under `localModelPath` when that is set. */
  modelId: string;
  /** Folder holding `<model id>/config.json`…, or undefined to use the hub and its cache. */
  localModelPath: string | undefined;
}

/**
 * Where to load a model from. `--model-dir` may hold models in the Transformers.js layout
 * (`<dir>/<model id>/config.json`) or be one model's folder (`<dir>/config.json`).
 *
 * @example
 * locateModel({ modelDir: "/models/all-MiniLM-L6-v2" }); // { modelId: "all-MiniLM-L6-v2", localModelPath: "/models" } when /models/all-MiniLM-L6-v2/config.json exists
 */
export function locateModel(options: Pick<EmbedderOptions, "model" | "modelDir">): ModelLocation {
  const modelId = options.model ?? DEFAULT_TRANSFORMERS_MODEL;
  if (options.modelDir === undefined) return { modelId, localModelPath: undefined };
  const dir = path.resolve(options.modelDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw unavailable(modelId, dir, "the folder does not exist");
  }
  if (existsSync(path.join(dir, "config.json")))
    return { modelId: path.basename(dir), localModelPath: path.dirname(dir) };
  return { modelId, localModelPath: dir };
}

function unavailable(modelId: string, from: string, reason: string, cause?: unknown): AgentRouteError {
  return new AgentRouteError("MODEL_UNAVAILABLE", `could not load model ${modelId} from ${from}: ${reason}`, {
    hint: "Point --model-dir at a folder holding the model in the Transformers.js layout (<dir>/<model id>/config.json, tokenizer.json, onnx/model.onnx), or run keyword-only with --no-embeddings.",
    cause,
  });
}

/** The optional peer package behind this backend (package.json peerDependenciesMeta). */
export const TRANSFORMERS_PACKAGE = "@huggingface/transformers";

type TransformersModule = typeof import("@huggingface/transformers");

/**
 * Loads the optional `@huggingface/transformers` package, here and only here, so the default
 * (use-lite) path never loads onnxruntime and an install without the package still works.
 * A missing package is a MODEL_UNAVAILABLE error that says how to add it.
 *
 * @example
 * await importTransformers(() => Promise.reject(Object.assign(new Error("x"), { code: "ERR_MODULE_NOT_FOUND" })));
 * // throws "--model and --model-dir use the optional package @huggingface/transformers, which is not installed"
 */
export async function importTransformers(
  load: () => Promise<TransformersModule> = () => import("@huggingface/transformers"),
): Promise<TransformersModule> {
  try {
    return await load();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") throw cause;
    throw new AgentRouteError(
      "MODEL_UNAVAILABLE",
      `--model and --model-dir use the optional package ${TRANSFORMERS_PACKAGE}, which is not installed`,
      {
        hint: `Install it beside agentroute: npm install ${TRANSFORMERS_PACKAGE} (add -g for a global agentroute); or leave out --model, --model-dir and --backend transformers to use the built-in USE-lite model.`,
        cause,
      },
    );
  }
}

/** The package's own env settings, kept to restore them for hub loads. */
let hubDefaults: { localModelPath: string; allowRemoteModels: boolean } | undefined;

async function loadExtractor(location: ModelLocation): Promise<FeatureExtractor> {
  const from = location.localModelPath ?? "the Hugging Face hub";
  try {
    const transformers = await importTransformers();
    const { env } = transformers;
    env.logLevel = transformers.LogLevel.ERROR;
    // `env` is global to the process: set every field each load, so an earlier
    // --model-dir load does not leave the hub switched off for a later one.
    hubDefaults ??= { localModelPath: env.localModelPath, allowRemoteModels: env.allowRemoteModels };
    const local = location.localModelPath;
    env.localModelPath = local === undefined ? hubDefaults.localModelPath : local + path.sep;
    env.allowRemoteModels = local === undefined ? hubDefaults.allowRemoteModels : false;
    env.allowLocalModels = true;
    const extractor = await transformers.pipeline("feature-extraction", location.modelId, {
      local_files_only: location.localModelPath !== undefined,
    });
    return extractor as unknown as FeatureExtractor;
  } catch (cause) {
    if (cause instanceof AgentRouteError) throw cause;
    const reason = cause instanceof Error ? cause.message.split("\n")[0]! : String(cause);
    throw unavailable(location.modelId, from, reason, cause);
  }
}

/** Embed same-token-count chunks (no padding, so no batch effects) and scatter to input order. */
async function embedBucketed(
  extractor: FeatureExtractor,
  texts: readonly string[],
  dims: () => number,
): Promise<Float32Array[]> {
  const capped = texts.map((text) => truncateChars(text, MAX_CHARS));
  const out = new Array<Float32Array>(texts.length);
  const counts = capped.map((text) => extractor.tokenizer.encode(text).length);
  for (const chunk of planBuckets(counts, MAX_CHUNK)) {
    const tensor = await extractor(
      chunk.map((i) => capped[i]!),
      { pooling: "mean", normalize: true },
    );
    const width = tensor.dims[1] ?? dims();
    const data = Float32Array.from(tensor.data);
    chunk.forEach((i, row) => (out[i] = normalize(data.subarray(row * width, (row + 1) * width))));
  }
  return out;
}

/**
 * A `@huggingface/transformers` feature-extraction backend (mean pooling, normalised) for any
 * model id: from the hub when online, or from `--model-dir` offline. Loading happens here,
 * so a missing model fails at once with MODEL_UNAVAILABLE, not on the first prompt.
 *
 * @example
 * const embedder = await createTransformersEmbedder({ model: "Xenova/all-MiniLM-L6-v2", modelDir: "models" });
 * embedder.id; // "transformers:Xenova/all-MiniLM-L6-v2"
 */
export async function createTransformersEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  const location = locateModel(options);
  const extractor = await loadExtractor(location);
  // The width is only known from the model's output; probe once with a fixed text.
  const probe = await extractor(["dimension probe"], { pooling: "mean", normalize: true });
  const dims = probe.dims[1] ?? probe.data.length;
  return {
    id: `transformers:${location.modelId}`,
    dims,
    async embed(texts) {
      return embedNonBlank(texts, dims, (some) => embedBucketed(extractor, some, () => dims));
    },
    dispose: () => extractor.dispose(),
  };
}
