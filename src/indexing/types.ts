import type { AgentSpec } from "../agents/types.js";
import type { RowMatrix } from "../embed/kernel.js";
import type { Embedder } from "../embed/types.js";
import type { DerivedIndex } from "./derived.js";
import type { FeatureVocab } from "./features.js";
import type { KeywordIndex } from "./keyword-index.js";
import type { SoftmaxModel } from "./softmax.js";

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
  | "redirected"
  | "notEngage";

/** One embeddable/searchable piece of an agent's text. */
export interface Piece {
  agent: number;
  kind: PieceKind;
  text: string;
  line: number;
  /** Not-engage pieces: the agent names the bullet sends the work to. */
  redirects?: string[];
  /** Corpus-bank examples: the corpus agent (`collection/agent`) the prompt was written for (see bank.ts). */
  corpus?: string;
}

/** A "Triggers on" phrase ready for matching. */
export interface TriggerPhrase {
  text: string;
  line: number;
  /** Stems of every token ("not working" → ["not", "work"]). */
  stems: string[];
  /** How many agents of the set claim the same phrase (a shared trigger is weaker evidence). */
  sharedBy: number;
}

/** The learned head: a softmax over agents, trained on the agents' own pieces. */
export interface TrainedHead {
  model: SoftmaxModel;
  vocab: FeatureVocab;
  /** The weights ready for the SIMD kernel: dense (agents × dims rows, null without vectors) and sparse (features × agents). */
  kernels: { dense: RowMatrix | null; sparse: RowMatrix };
  /** Whether the head was read from the cache instead of trained now. */
  fromCache: boolean;
}

export interface AgentIndex {
  agents: AgentSpec[];
  /** Hash of the agent set the index was built from. */
  agentsHash: string;
  pieces: Piece[];
  /** Piece vectors back to back (pieces.length × dims), L2-normalised; null in keyword-only mode. */
  vectors: Float32Array | null;
  dims: number;
  /** The embedder that made `vectors` (used again for prompts); null in keyword-only mode. */
  embedder: Embedder | null;
  keyword: KeywordIndex;
  /** Vectors of the BACKGROUND_PROMPTS this set does not claim (unclaimedBackground; rows × dims), or null in keyword-only mode. */
  background: Float32Array | null;
  /** Per agent, its trigger phrases. */
  triggers: TriggerPhrase[][];
  head: TrainedHead;
  /** Groups, kernel matrices and per-agent figures computed from the above at build time. */
  derived: DerivedIndex;
  /** Per agent, the vector of its agentText (agents × dims; see adapter.ts); null in keyword-only mode. */
  agentVectors: Float32Array | null;
  /** What the corpus bank did for this set, in one line (bank.ts describeBank). */
  bank: string;
}
