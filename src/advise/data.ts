import type { CaseRecord } from "../eval/types.js";
import type { AgentIndex } from "../indexing/types.js";
import type { Confusion } from "./types.js";
import { promptWords, type AgentTerms } from "./terms.js";
import { compareStrings as cmp } from "../util/numbers.js";

const NONE = "none";
/** Confused pairs reported, and prompts shown per pair. */
const PAIRS = 8;
const PROMPTS = 5;

/** The misrouted cases behind one (expected → predicted) pair. */
export interface ConfusionGroup {
  expected: string;
  predicted: string;
  cases: CaseRecord[];
  /** The expected agent was dispatched too: `predicted` came along as an extra. */
  extra: boolean;
}

/**
 * Groups misrouted cases by (expected → predicted), most frequent first: for a multi-label
 * row, every expected agent missed is paired with every wrong agent dispatched (or none); an
 * extra agent dispatched beside all the right ones pairs with the first right one.
 */
export function groupConfusions(cases: readonly CaseRecord[]): ConfusionGroup[] {
  const groups = new Map<string, ConfusionGroup>();
  for (const c of cases) {
    if (c.correct) continue;
    const missed = c.expected.filter((e) => !c.predicted.includes(e));
    const wrong = c.predicted.filter((p) => !c.expected.includes(p));
    const from = missed.length ? missed : c.expected.length ? [[...c.expected].sort()[0]!] : [NONE];
    for (const expected of from) {
      for (const predicted of wrong.length ? wrong : [NONE]) {
        const key = `${expected}\u0000${predicted}`;
        const group = groups.get(key) ?? {
          expected,
          predicted,
          cases: [],
          extra: missed.length === 0 && c.expected.length > 0,
        };
        group.cases.push(c);
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()]
    .sort((x, y) => y.cases.length - x.cases.length || cmp(x.expected, y.expected) || cmp(x.predicted, y.predicted))
    .slice(0, PAIRS);
}

/**
 * The most confused pairs, each with its prompts, what pulled them (the predicted agent's
 * matched triggers and closest piece) and the prompt words found in the predicted agent's
 * text but not in the expected one's.
 */
export function describeConfusions(
  groups: readonly ConfusionGroup[],
  index: AgentIndex,
  terms: AgentTerms,
): Confusion[] {
  const byName = new Map(index.agents.map((a, i) => [a.name, i]));
  return groups.map((g) => ({
    expected: g.expected,
    predicted: g.predicted,
    extra: g.extra,
    count: g.cases.length,
    prompts: g.cases.slice(0, PROMPTS).map((c) => {
      const reason = c.reasons.agents.find((r) => r.agent === g.predicted);
      return {
        prompt: c.prompt,
        line: c.line,
        matchedTriggers: reason?.matchedTriggers ?? [],
        bestPiece: reason?.bestPiece?.text ?? null,
      };
    }),
    pullWords: pullWords(g.cases, terms, byName.get(g.predicted), byName.get(g.expected)),
  }));
}

/** Prompt words in agent `to`'s text and not in agent `from`'s, by how many prompts use them. */
function pullWords(
  cases: readonly CaseRecord[],
  terms: AgentTerms,
  to: number | undefined,
  from: number | undefined,
  limit = 6,
): string[] {
  if (to === undefined) return [];
  const counts = new Map<string, { word: string; n: number }>();
  for (const c of cases) {
    for (const [s, word] of promptWords(c.prompt)) {
      if (!terms.weights[to]!.has(s) || (from !== undefined && terms.weights[from]!.has(s))) continue;
      counts.set(s, { word, n: (counts.get(s)?.n ?? 0) + 1 });
    }
  }
  return [...counts.values()]
    .sort((x, y) => y.n - x.n || cmp(x.word, y.word))
    .slice(0, limit)
    .map((x) => x.word);
}

/**
 * A trigger phrase for the agent that should have taken a group's prompts: the most frequent
 * prompt word its text lacks (in 2+ prompts when there are several), or null.
 */
export function triggerWordFor(group: ConfusionGroup, terms: AgentTerms, index: AgentIndex): string | null {
  const agent = index.agents.findIndex((a) => a.name === group.expected);
  if (agent < 0) return null;
  return missingWord(
    group.cases.map((c) => c.prompt),
    terms,
    agent,
  );
}

/** The most frequent prompt word (in 2+ prompts when there are several) that the agent's text lacks. */
function missingWord(prompts: readonly string[], terms: AgentTerms, agent: number): string | null {
  const counts = new Map<string, { word: string; n: number; idf: number }>();
  for (const p of prompts) {
    for (const [s, word] of promptWords(p)) {
      if (terms.weights[agent]!.has(s)) continue;
      counts.set(s, { word, n: (counts.get(s)?.n ?? 0) + 1, idf: terms.idf.get(s) ?? 99 });
    }
  }
  const best = [...counts.values()].sort((x, y) => y.n - x.n || y.idf - x.idf || cmp(x.word, y.word))[0];
  return best && (best.n >= 2 || prompts.length === 1) ? best.word : null;
}
