import type { AgentIndex } from "../../indexing/types.js";
import { AgentRouteError } from "../../errors.js";
import type { RouterConfig } from "../config.js";
import { createAdapterScorer } from "./adapter.js";
import { createEmbeddingScorer } from "./embedding.js";
import { createFusedScorer } from "./fused.js";
import { createHeadScorer } from "./head.js";
import { createKeywordScorer } from "./keyword.js";
import { createRulesScorer } from "./rules.js";
import type { Scorer, ScorerFactory } from "./types.js";

/** The signal scorers the fused scorer combines, in a fixed order. */
const PARTS = ["keyword", "embedding", "head", "rules", "adapter"] as const;

/**
 * Every scorer by name. `fused` is the default decider; the others can decide alone
 * (`"scorer": "keyword"` in the config) to measure what each signal is worth.
 */
const signals = {
  keyword: createKeywordScorer,
  embedding: createEmbeddingScorer,
  head: createHeadScorer,
  rules: createRulesScorer,
  adapter: (index: AgentIndex) => createAdapterScorer(index),
} satisfies Record<string, ScorerFactory>;

export const scorers = {
  ...signals,
  fused: (index: AgentIndex, config: RouterConfig): Scorer =>
    createFusedScorer(
      index,
      config,
      PARTS.map((name) => (signals[name] as ScorerFactory)(index, config)),
    ),
} satisfies Record<string, ScorerFactory>;

export type ScorerName = keyof typeof scorers;

export function listScorers(): string[] {
  return Object.keys(scorers).sort();
}

/** The scorer the config names; CONFIG_INVALID listing the valid names otherwise. */
export function createScorer(index: AgentIndex, config: RouterConfig): Scorer {
  if (!Object.hasOwn(scorers, config.scorer)) {
    throw new AgentRouteError(
      "CONFIG_INVALID",
      `unknown scorer "${config.scorer}"; valid scorers: ${listScorers().join(", ")}`,
      {
        hint: 'Use "fused" (the default) unless you are measuring one signal alone.',
      },
    );
  }
  return scorers[config.scorer as ScorerName](index, config);
}
