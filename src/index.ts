/** Public library API of agentroute. */
export * from "./errors.js";
export type * from "./agents/types.js";
export type * from "./embed/types.js";
export { createEmbedder, chooseBackend, listEmbedderBackends, embedderBackends } from "./embed/registry.js";
export type { CreateEmbedderContext, EmbedderBackendName } from "./embed/registry.js";
export { cachedEmbedder, defaultCacheDir, VectorCache } from "./embed/cache.js";
export type { CachedEmbedder, CacheStats, VectorCacheOptions } from "./embed/cache.js";
export { cosine, dot, normalize } from "./embed/vector.js";
export type * from "./indexing/types.js";
export type * from "./classify/types.js";
export type * from "./eval/types.js";
