import type { AgentIndex } from "../../indexing/types.js";
import type { RouterConfig } from "../config.js";
import type { PreparedQuery } from "../query.js";

/** Per-agent output of one scorer. */
export interface ScorerOutput {
  /** This scorer's own score per agent in [0, 1] (what it ranks by when run alone). */
  scores: Float64Array;
  /** Named features per agent, read by the fused scorer and shown in reasons. */
  features: Record<string, Float64Array>;
}

/** Human-readable evidence for one agent, asked only for the agents a decision shows. */
export interface Evidence {
  matchedTriggers?: string[];
  bestPiece?: { kind: string; text: string; line: number; similarity: number } | null;
  rules?: string[];
}

export interface Scorer {
  readonly name: string;
  score(query: PreparedQuery): ScorerOutput;
  explain?(query: PreparedQuery, agent: number, output: ScorerOutput): Evidence;
}

export type ScorerFactory = (index: AgentIndex, config: RouterConfig) => Scorer;
