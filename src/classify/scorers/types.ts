import type { AgentIndex } from "../../indexing/types.js";
import type { RouterConfig } from "../config.js";
import type { PreparedQuery } from "../query.js";

/** One value per agent for each feature name `F`: a missing or misspelt name does not compile. */
export type FeatureMap<F extends string> = { readonly [K in F]: Float64Array };

/** Per-agent output of one scorer. */
export interface ScorerOutput<F extends string = string> {
  /** This scorer's own score per agent in [0, 1] (what it ranks by when run alone). */
  scores: Float64Array;
  /** Named features per agent, read by the fused scorer and shown in reasons. */
  features: FeatureMap<F>;
}

/** Human-readable evidence for one agent, asked only for the agents a decision shows. */
export interface Evidence {
  matchedTriggers?: string[];
  bestPiece?: { kind: string; text: string; line: number; similarity: number } | null;
  rules?: string[];
}

export interface Scorer<F extends string = string> {
  readonly name: string;
  score(query: PreparedQuery): ScorerOutput<F>;
  explain?(query: PreparedQuery, agent: number, output: ScorerOutput<F>): Evidence;
}

export type ScorerFactory<F extends string = string> = (index: AgentIndex, config: RouterConfig) => Scorer<F>;

/**
 * A signal scorer and the features it produces. The fused scorer, the config schema and
 * `tune` read the feature names from here, so adding a scorer is its file plus one registry line.
 */
export interface SignalScorer<F extends string = string> {
  /** The feature names `create(...).score()` returns, in the order fusion sums them. */
  readonly features: readonly F[];
  /**
   * "embeddings": the features need an embedding model. In keyword-only mode they are a
   * declared absence: the fused scorer leaves them out and a fusion weight on them adds nothing.
   */
  readonly needs: "embeddings" | null;
  /** Signals read the index only (the config shapes fusion and decisions, downstream). */
  readonly create: (index: AgentIndex) => Scorer<F>;
}

/** Declares a signal scorer, keeping its feature names as literal types. */
export function defineSignal<const F extends string>(signal: SignalScorer<F>): SignalScorer<F> {
  return signal;
}
