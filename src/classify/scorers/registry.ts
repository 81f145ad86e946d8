import type { AgentIndex } from "../../indexing/types.js";
import { AgentRouteError } from "../../errors.js";
import type { RouterConfig } from "../config.js";
import { SIGNALS, signalsIn, type SignalName } from "./features.js";
import { createFusedScorer } from "./fused.js";
import type { Scorer, ScorerFactory, SignalScorer } from "./types.js";

/** The order the fused scorer merges its parts' features and evidence (the embedding's best piece wins). */
const PARTS: readonly SignalName[] = ["keyword", "embedding", "head", "rules", "adapter"];

const signalFactories = Object.fromEntries(
  Object.entries(SIGNALS).map(([name, s]: [string, SignalScorer]) => [name, (index: AgentIndex) => s.create(index)]),
) as unknown as { [K in SignalName]: ScorerFactory };

/**
 * Every scorer by name. `fused` is the default decider; the others can decide alone
 * (`"scorer": "keyword"` in the config) to measure what each signal is worth.
 */
export const scorers = {
  ...signalFactories,
  fused: (index: AgentIndex, config: RouterConfig): Scorer => {
    const present = new Set(signalsIn(index.embedder ? "embeddings" : "keyword"));
    const parts = PARTS.filter((name) => present.has(name)).map((name) => SIGNALS[name].create(index));
    return createFusedScorer(index, config, parts as Scorer[]);
  },
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
