/** Public library API of agentroute. */
export * from "./errors.js";
export type * from "./agents/types.js";
export type * from "./embed/types.js";
export type * from "./indexing/types.js";
export type * from "./classify/types.js";
export type * from "./eval/types.js";
