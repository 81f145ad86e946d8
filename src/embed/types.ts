/**
 * One interface for every sentence encoder. Vectors come back L2-normalised, so cosine
 * similarity is a dot product, and in input order.
 *
 * Contract: the vector of a text does not depend on what else is in the batch. (Batching
 * changes floating-point sums in USE-lite; backends bucket their batches so that it cannot,
 * which is why `route` on one prompt and `eval` over thousands agree exactly.)
 */
export interface Embedder {
  /** Stable id naming model and version, used as a cache key, e.g. "use-lite@0.2.0". */
  readonly id: string;
  readonly dims: number;
  /**
   * Vectors of `texts`. `transient: true` marks texts not worth keeping (one-off prompts): a
   * caching embedder computes them without storing them; the vectors are the same either way.
   */
  embed(texts: readonly string[], options?: EmbedOptions): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

export interface EmbedOptions {
  transient?: boolean;
}

export interface EmbedderOptions {
  /** Backend name from the registry: "use-lite" (default) or "transformers". */
  backend?: string;
  /** Model id for the transformers backend, e.g. "Xenova/all-MiniLM-L6-v2". */
  model?: string;
  /** Local folder holding models in the Transformers.js layout (`<dir>/<model id>/…`). */
  modelDir?: string;
  /** Folder for the on-disk vector cache; null disables the cache. */
  cacheDir?: string | null;
}

export type EmbedderFactory = (options: EmbedderOptions) => Promise<Embedder>;
