import { AgentRouteError } from "../errors.js";
import { cachedEmbedder, defaultCacheDir, VectorCache } from "./cache.js";
import { createTransformersEmbedder } from "./transformers.js";
import type { Embedder, EmbedderFactory, EmbedderOptions } from "./types.js";
import { createUseLiteEmbedder } from "./use-lite.js";

/** Every embedding backend by name; the list of valid names is derived from this map. */
export const embedderBackends = {
  "use-lite": createUseLiteEmbedder,
  transformers: createTransformersEmbedder,
} satisfies Record<string, EmbedderFactory>;

export type EmbedderBackendName = keyof typeof embedderBackends;

/** Names accepted by `--backend`, sorted. */
export function listEmbedderBackends(): string[] {
  return Object.keys(embedderBackends).sort();
}

/**
 * The backend a set of options asks for: `backend` when given; else `transformers` when a
 * model or model folder is named; else the offline default, `use-lite`.
 *
 * @example
 * chooseBackend({ modelDir: "models" }); // "transformers"
 */
export function chooseBackend(options: EmbedderOptions): EmbedderBackendName {
  const name =
    options.backend ?? (options.model !== undefined || options.modelDir !== undefined ? "transformers" : "use-lite");
  if (!Object.hasOwn(embedderBackends, name)) {
    throw new AgentRouteError(
      "USAGE",
      `unknown embedding backend "${name}"; valid backends: ${listEmbedderBackends().join(", ")}`,
      {
        hint: "Pass one of the listed names, or leave the backend out to use the default (use-lite).",
      },
    );
  }
  return name as EmbedderBackendName;
}

export interface CreateEmbedderContext {
  /** Resolves the default cache folder; defaults to the process's. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Receives the warning about an unusable cache file; defaults to stderr. */
  warn?: (message: string) => void;
}

/**
 * Create the embedder the options ask for, wrapped in the on-disk vector cache unless
 * `cacheDir` is null. `cacheDir` undefined means `defaultCacheDir(cwd, env)`.
 *
 * @example
 * const embedder = await createEmbedder({});            // use-lite, cached in ~/.cache/agentroute
 * const vectors = await embedder.embed(["deploy to staging"]);
 * await embedder.dispose();
 */
export async function createEmbedder(
  options: EmbedderOptions = {},
  context: CreateEmbedderContext = {},
): Promise<Embedder> {
  const inner = await embedderBackends[chooseBackend(options)](options);
  if (options.cacheDir === null) return inner;
  const dir = options.cacheDir ?? defaultCacheDir(context.cwd ?? process.cwd(), context.env ?? process.env);
  return cachedEmbedder(inner, new VectorCache({ dir, embedderId: inner.id, dims: inner.dims, warn: context.warn }));
}
