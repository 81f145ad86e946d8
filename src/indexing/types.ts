import type { AgentSpec } from "../agents/types.js";
import type { Embedder } from "../embed/types.js";

/** Where a piece of agent text came from; the router weighs kinds differently. */
export type PieceKind =
  | "name"
  | "description"
  | "mustBeUsed"
  | "proactive"
  | "trigger"
  | "engage"
  | "capability"
  | "example"
  | "notEngage";

/** One embeddable/searchable piece of an agent's text. */
export interface Piece {
  agent: number;
  kind: PieceKind;
  text: string;
  line: number;
}

export interface AgentIndex {
  agents: AgentSpec[];
  pieces: Piece[];
  /** One normalised vector per piece (same order), or null in keyword-only mode. */
  vectors: Float32Array[] | null;
  /** The embedder that made `vectors` (used again for prompts), or null in keyword-only mode. */
  embedder: Embedder | null;
  /** Hash of the agent set the index was built from. */
  agentsHash: string;
}
