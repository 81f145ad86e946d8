/**
 * Stage 3 output: what the router decided for one prompt and why.
 * Printed by `route --json` and each `--batch` line, and embedded in eval reports:
 * keep it stable (see README "JSON shapes").
 */

export interface RankedAgent {
  agent: string;
  /** Calibrated confidence in [0, 1], rounded to 4 decimals. */
  score: number;
}

/** Why one agent got its score. */
export interface AgentReason {
  agent: string;
  score: number;
  /** Trigger phrases of this agent found in the prompt. */
  matchedTriggers: string[];
  /** The agent's piece most similar to the prompt. */
  bestPiece: { kind: string; text: string; line: number; similarity: number } | null;
  /** Rules that fired, in words, e.g. "MUST BE USED: server-side architecture (0.71)". */
  rules: string[];
  /** Raw feature values fed to the fusion, by feature name. */
  features: Record<string, number>;
  /** Where the candidate came from: agent or skill, its scope and its file (absent for hand-built specs). */
  source?: CandidateSource;
}

/** An agent's or skill's origin, as discovery found it. */
export interface CandidateSource {
  kind: "agent" | "skill";
  scope?: "project" | "user" | "plugin" | "folder";
  file: string;
}

export interface DecisionReasons {
  /** One sentence a person can read. */
  summary: string;
  /** For the top agents (at least the dispatched ones). */
  agents: AgentReason[];
  /** Score needed to dispatch. */
  threshold: number;
  /** Present when the prompt held two or more jobs, routed one by one: each job's text and agent. */
  jobs?: { text: string; agent: string; score: number }[];
}

export type RouteMode = "embeddings" | "keyword";

export interface RouteDecision {
  prompt: string;
  /** Agent names to dispatch, best first; [] means none. */
  dispatch: string[];
  /** Agents best first, at least the top K. */
  ranked: RankedAgent[];
  mode: RouteMode;
  /** Embedding model id, or null in keyword mode. */
  model: string | null;
  reasons: DecisionReasons;
}

/** What eval, hook and tune need from a router. */
export interface Router {
  readonly mode: RouteMode;
  readonly model: string | null;
  readonly agentNames: readonly string[];
  route(prompt: string): Promise<RouteDecision>;
  /** Same decisions as calling route() on each prompt, in input order; embeds in batches. */
  routeMany(prompts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<RouteDecision[]>;
}
