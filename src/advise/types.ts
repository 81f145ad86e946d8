/**
 * What `agentroute advise` returns (and prints with `--format json`). Stable: tools read it.
 * Agent names are the set's; "none" stands for "no agent" in confusions.
 */

/** Two agents whose texts say much the same thing: prompts for one drift to the other. */
export interface ConfusablePair {
  a: string;
  b: string;
  /** Overall similarity in [0, 1]: the mean of `embedding` (when available) and `lexical`. */
  score: number;
  /** Mean over both directions of the mean best cosine of one agent's pieces to the other's; null in keyword mode. */
  embedding: number | null;
  /** tf-idf cosine of the two agents' whole texts. */
  lexical: number;
  /** Words both texts lean on, the most telling first. */
  sharedTerms: string[];
}

/** A "Triggers on" phrase more than one agent claims. */
export interface SharedTrigger {
  phrase: string;
  agents: string[];
}

/** A word that the headline (description, triggers, mandates) of several agents claims. */
export interface SharedTerm {
  term: string;
  /** Agents with the word in their headline. */
  agents: string[];
  /** Further agents with it only in their capability or engage bullets. */
  alsoIn: string[];
}

/** A When NOT to Engage bullet sending work to an agent the set does not have (lint rule unknown-redirect). */
export interface StaleRedirect {
  agent: string;
  file: string;
  line: number;
  bullet: string;
  target: string;
}

/** An agent and the words only it uses in its headline: an empty list means nothing sets it apart. */
export interface DistinctiveTerms {
  agent: string;
  terms: string[];
}

/** One misrouted prompt of a confused pair, with what pulled it. */
export interface ConfusedPrompt {
  prompt: string;
  line: number;
  /** Triggers of the predicted agent found in the prompt. */
  matchedTriggers: string[];
  /** The predicted agent's piece closest to the prompt. */
  bestPiece: string | null;
}

/** Prompts for `expected` that went to `predicted` (either may be "none"). */
export interface Confusion {
  expected: string;
  predicted: string;
  /** True when `expected` was dispatched too and `predicted` came along as an extra agent. */
  extra: boolean;
  count: number;
  prompts: ConfusedPrompt[];
  /** Prompt words found in the predicted agent's text and not in the expected agent's, most frequent first. */
  pullWords: string[];
}

export type SuggestionKind = "add-trigger" | "add-not-engage" | "drop-shared-trigger" | "add-redirect-target";

/** One concrete edit, with the prompts (or findings) behind it. */
export interface Suggestion {
  kind: SuggestionKind;
  /** The agent whose file to edit. */
  agent: string;
  /** The edit in words, e.g. `add trigger "kafka" to data-engineer`. */
  text: string;
  /** Why, in one sentence. */
  because: string;
  prompts: string[];
}

/** The kinds of edit advise tests and can apply. */
export type EditKind = "add-not-engage" | "add-trigger" | "add-sentence";

/** One concrete edit to one agent file, as a person would write it. */
export interface AgentEdit {
  /** Same kind, agent and target: the same edit, whichever fold proposed it. */
  key: string;
  kind: EditKind;
  /** The agent whose file changes. */
  agent: string;
  /** The agent a When NOT to Engage bullet sends the work to, if any (its score moves too). */
  redirect?: string;
  /** What is added: a bullet, a trigger phrase, or a sentence of the description. */
  text: string;
  /** The edit in one line, e.g. `add to frontend-engineer's When NOT to Engage: "- …"`. */
  summary: string;
  /** The misrouted prompts it was drawn from. */
  prompts: string[];
}

/** An edit tested on held-out prompts before it is shown (see proveEdits). */
export interface ProvenEdit extends AgentEdit {
  /** The agent's file, relative to the agents folder. */
  file: string;
  /** Held-out prompts it fixed and broke (pooled over the folds). */
  fixed: string[];
  broken: string[];
  /** Macro-F1 change over the labeled prompts, each routed by an edit proposed without its fold. */
  deltaMacroF1: number;
  interval: { low: number; high: number };
}

export interface Advice {
  schemaVersion: 1;
  agents: { path: string; count: number; hash: string };
  mode: "embeddings" | "keyword";
  model: string | null;
  confusablePairs: ConfusablePair[];
  sharedTriggers: SharedTrigger[];
  sharedTerms: SharedTerm[];
  staleRedirects: StaleRedirect[];
  /** Agents with no distinctive terms (each agent's distinctive terms are in `distinctive`). */
  indistinct: string[];
  distinctive: DistinctiveTerms[];
  /** The eval behind `confusions`, or null without --dataset. */
  eval: { dataset: string; rows: number; accuracy: number; macroF1: number } | null;
  confusions: Confusion[];
  suggestions: Suggestion[];
  /** How the edits were tested: cross-validation folds and distinct edits tried; null without a dataset. */
  proof: { folds: number; tried: number } | null;
  /** Edits that helped on held-out prompts without breaking any, best first (empty without a dataset). */
  proven: ProvenEdit[];
  /** The config the router read, as commands print it. */
  config: string;
}
