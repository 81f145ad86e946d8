import type { Piece } from "./types.js";
import { MAX_PIECE_CHARS } from "./pieces.js";
import { dotRow } from "../embed/vector.js";

/**
 * The corpus bank: labeled prompts of the routing corpus (corpus/*.csv), grouped by the agent
 * they were written for, shipped with their vectors (bench/build-bank.ts). At index time each
 * corpus agent is matched to the one agent of the user's set whose text (agentText) is nearest,
 * when that similarity clears `minSimilarity`; its prompts join that agent as weak examples.
 * A corpus agent is never attached to two agents, and an agent takes at most `perAgent`
 * prompts, nearest corpus agents first. It is how the router learns how developers phrase
 * requests for a reviewer, a debugger or a cloud agent without the user labeling anything.
 */
export interface Bank {
  embedder: string;
  dims: number;
  /** Corpus agents: their collection/name, text vector (unit length) and prompt ids. */
  sources: readonly BankSource[];
  prompts: readonly string[];
  /** Prompt vectors back to back (prompts.length × dims). */
  vectors: Float32Array;
}

export interface BankSource {
  /** `collection/agent`, as shown in reasons. */
  label: string;
  vector: Float32Array;
  prompts: readonly number[];
}

export interface BankOptions {
  /** Cosine between a corpus agent's text and a set agent's text needed to attach (0–1). */
  minSimilarity: number;
  /** Most corpus prompts any one agent takes. */
  perAgent: number;
}

/** The shipped defaults (chosen by leave-one-collection-out, docs/routing.md). */
export const DEFAULT_BANK: BankOptions = { minSimilarity: 0.7, perAgent: 20 };

export interface BankAttachment {
  pieces: Piece[];
  /** The pieces' vectors back to back (pieces.length × dims). */
  vectors: Float32Array;
  /** Prompts each agent took (0 when none were attached). */
  perAgent: number;
  /** Agents no corpus agent was matched to (then nothing is attached). */
  uncovered: number;
}

/**
 * A Bank from flat parts, as the shipped file and the benches hold them: per corpus agent its
 * label and the end (exclusive) of its prompts in `prompts`, and its text vector, row `i` of
 * `agentVectors` (sources × dims); `vectors` holds the prompts' vectors (prompts × dims).
 */
export function assembleBank(parts: {
  embedder: string;
  dims: number;
  sources: readonly (readonly [label: string, end: number])[];
  agentVectors: Float32Array;
  prompts: readonly string[];
  vectors: Float32Array;
}): Bank {
  const { dims } = parts;
  let start = 0;
  const sources = parts.sources.map(([label, end], i) => {
    const prompts = Array.from({ length: end - start }, (_, k) => start + k);
    start = end;
    return { label, vector: parts.agentVectors.subarray(i * dims, (i + 1) * dims), prompts };
  });
  return { embedder: parts.embedder, dims, prompts: parts.prompts, vectors: parts.vectors, sources };
}

/** For each agent of the set (by its agentText vector), the corpus agents attached to it, nearest first. */
export function bankMatches(bank: Bank, agentVectors: Float32Array, n: number, minSimilarity: number): number[][] {
  const matches: { source: number; c: number }[][] = Array.from({ length: n }, () => []);
  bank.sources.forEach((s, source) => {
    let best = -1;
    let bestC = -Infinity;
    for (let a = 0; a < n; a++) {
      const c = dotRow(agentVectors, bank.dims, a, s.vector);
      if (c > bestC) [best, bestC] = [a, c];
    }
    if (best >= 0 && bestC >= minSimilarity) matches[best]!.push({ source, c: bestC });
  });
  return matches.map((list) => list.sort((x, y) => y.c - x.c || x.source - y.source).map((m) => m.source));
}

/**
 * The bank's prompts attached to a set's agents (see Bank), as example pieces with their
 * vectors. All or nothing, and even: when some agent resembles no corpus agent, nothing is
 * attached (borrowed prompts on some agents and none on others pull prompts toward the agents
 * that have them; measured, docs/routing.md), and every agent takes the same number of prompts.
 */
export function attachBank(bank: Bank, agentVectors: Float32Array, n: number, options: BankOptions): BankAttachment {
  const lists = bankMatches(bank, agentVectors, n, options.minSimilarity).map((sources) =>
    sources.flatMap((source) => bank.sources[source]!.prompts.map((prompt) => ({ prompt, source }))),
  );
  const uncovered = lists.filter((l) => l.length === 0).length;
  if (n === 0 || uncovered > 0) return { pieces: [], vectors: new Float32Array(0), perAgent: 0, uncovered };
  const perAgent = Math.min(options.perAgent, ...lists.map((l) => l.length));
  const ids = lists.flatMap((list, agent) => list.slice(0, perAgent).map((m) => ({ agent, ...m })));
  const vectors = new Float32Array(ids.length * bank.dims);
  const pieces = ids.map(({ agent, prompt, source }, k): Piece => {
    vectors.set(bank.vectors.subarray(prompt * bank.dims, (prompt + 1) * bank.dims), k * bank.dims);
    return {
      agent,
      kind: "example",
      text: bank.prompts[prompt]!.slice(0, MAX_PIECE_CHARS),
      line: 0,
      corpus: bank.sources[source]!.label,
    };
  });
  return { pieces, vectors, perAgent, uncovered: 0 };
}

/** One line on what the bank did for a set, for headers. */
export function describeBank(a: BankAttachment, agents: number): string {
  if (a.uncovered > 0)
    return `corpus bank: not used (${a.uncovered} of ${agents} agents resemble no agent of the routing corpus)`;
  return `corpus bank: ${a.perAgent} corpus prompts added to each of the ${agents} agents`;
}
