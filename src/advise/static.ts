import { dot, meanDirection } from "../embed/vector.js";
import type { AgentIndex } from "../indexing/types.js";
import type { ConfusablePair, DistinctiveTerms, SharedTerm, SharedTrigger, StaleRedirect } from "./types.js";
import { sparseCosine, type AgentTerms } from "./terms.js";
import { compareStrings as cmp, roundTo } from "../util/numbers.js";

/** Pairs kept for the embedding comparison after the cheap lexical pass, and pairs reported. */
const CANDIDATE_PAIRS = 60;
const REPORTED_PAIRS = 10;
/** Pieces per agent compared piece by piece (the first ones: name, description, mandates, triggers). */
const PIECES_PER_AGENT = 24;

/**
 * The agent pairs whose texts overlap most. Every pair gets a lexical score (tf-idf cosine of
 * the two texts); the best CANDIDATE_PAIRS by lexical score and by centroid cosine are then
 * compared piece by piece: for each piece of A its best cosine to B's pieces, averaged, both
 * directions averaged. Pairs sorted by score, ties by names.
 */
export function findConfusablePairs(index: AgentIndex, terms: AgentTerms): ConfusablePair[] {
  const n = index.agents.length;
  // The first PIECES_PER_AGENT positive pieces of each agent, in index order.
  const pieces = index.derived.groups.positive.map((ids) => ids.subarray(0, PIECES_PER_AGENT));
  const centroids = index.vectors ? pieces.map((ids) => meanDirection(index.vectors!, index.dims, ids)) : null;
  const pairs: { a: number; b: number; lexical: number; rough: number }[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const lexical = sparseCosine(terms.weights[a]!, terms.weights[b]!);
      const rough = centroids ? (lexical + dot(centroids[a]!, centroids[b]!)) / 2 : lexical;
      pairs.push({ a, b, lexical, rough });
    }
  }
  pairs.sort((x, y) => y.rough - x.rough || x.a - y.a || x.b - y.b);
  const scored = pairs.slice(0, CANDIDATE_PAIRS).map(({ a, b, lexical }) => {
    const embedding = index.vectors
      ? (meanBest(index, pieces[a]!, pieces[b]!) + meanBest(index, pieces[b]!, pieces[a]!)) / 2
      : null;
    const score = embedding === null ? lexical : (embedding + lexical) / 2;
    const [x, y] = [index.agents[a]!.name, index.agents[b]!.name].sort();
    return {
      a: x!,
      b: y!,
      score: roundTo(score, 3),
      embedding: embedding === null ? null : roundTo(embedding, 3),
      lexical: roundTo(lexical, 3),
      sharedTerms: sharedTerms(terms, a, b),
    };
  });
  return scored.sort((x, y) => y.score - x.score || cmp(x.a, y.a) || cmp(x.b, y.b)).slice(0, REPORTED_PAIRS);
}

/** Mean over A's pieces of the best cosine to one of B's pieces. */
function meanBest(
  index: AgentIndex,
  from: ArrayLike<number> & Iterable<number>,
  to: ArrayLike<number> & Iterable<number>,
): number {
  if (from.length === 0 || to.length === 0) return 0;
  const v = index.vectors!;
  const dims = index.dims;
  let total = 0;
  for (const i of from) {
    let best = -1;
    for (const j of to)
      best = Math.max(best, dot(v.subarray(i * dims, (i + 1) * dims), v.subarray(j * dims, (j + 1) * dims)));
    total += best;
  }
  return total / from.length;
}

/** Words both agents weigh, by the smaller of their two weights (a word one barely uses tells little). */
function sharedTerms(terms: AgentTerms, a: number, b: number, limit = 8): string[] {
  const wa = terms.weights[a]!;
  const wb = terms.weights[b]!;
  return [...wa.keys()]
    .filter((s) => wb.has(s))
    .map((s) => ({
      s,
      w: Math.min(wa.get(s)!, wb.get(s)!) + (terms.headline[a]!.has(s) && terms.headline[b]!.has(s) ? 10 : 0),
    }))
    .sort((x, y) => y.w - x.w || cmp(x.s, y.s))
    .slice(0, limit)
    .map(({ s }) => terms.words.get(s) ?? s);
}

/** Trigger phrases (matched on stems) that more than one agent claims, most claimed first. */
export function findSharedTriggers(index: AgentIndex): SharedTrigger[] {
  const owners = new Map<string, { phrase: string; agents: Set<string> }>();
  index.triggers.forEach((list, a) => {
    for (const t of list) {
      if (t.sharedBy < 2) continue;
      const key = t.stems.join(" ");
      const entry = owners.get(key) ?? { phrase: t.text.toLowerCase(), agents: new Set<string>() };
      entry.agents.add(index.agents[a]!.name);
      owners.set(key, entry);
    }
  });
  return [...owners.values()]
    .map((e) => ({ phrase: e.phrase, agents: [...e.agents].sort(cmp) }))
    .sort((x, y) => y.agents.length - x.agents.length || cmp(x.phrase, y.phrase));
}

/**
 * Words in the headline (description, triggers, mandates) of two or more agents but not of
 * half the set (a word everyone uses cannot pull a prompt toward one agent), with the agents
 * that claim it further down, in capability or engage bullets. Most claimed first.
 */
export function findSharedTerms(index: AgentIndex, terms: AgentTerms, limit = 15): SharedTerm[] {
  const n = index.agents.length;
  const names = index.agents.map((a) => a.name);
  const owners = (sets: readonly Set<string>[], s: string) => names.filter((_, a) => sets[a]!.has(s));
  const stems = new Set(terms.headline.flatMap((h) => [...h]));
  return [...stems]
    .map((s) => ({ s, agents: owners(terms.headline, s), claims: owners(terms.claims, s) }))
    .filter(({ agents }) => agents.length >= 2 && agents.length <= Math.max(2, Math.floor(n / 2)))
    .map(({ s, agents, claims }) => ({
      term: terms.words.get(s) ?? s,
      agents,
      alsoIn: claims.filter((c) => !agents.includes(c)),
    }))
    .sort((x, y) => y.agents.length - x.agents.length || y.alsoIn.length - x.alsoIn.length || cmp(x.term, y.term))
    .slice(0, limit);
}

/** Characters of a bullet kept in each record: a bullet naming thousands of agents must not be copied thousands of times whole. */
const MAX_BULLET_CHARS = 160;

/** Not-engage bullets that redirect to agents missing from the set (the lint rule unknown-redirect), one record per target. */
export function findStaleRedirects(index: AgentIndex): StaleRedirect[] {
  const names = new Set(index.agents.map((a) => a.name));
  return index.agents.flatMap((agent) =>
    agent.notEngage.flatMap((rule) => {
      const bullet = rule.text.length > MAX_BULLET_CHARS ? `${rule.text.slice(0, MAX_BULLET_CHARS)}…` : rule.text;
      return [...new Set(rule.redirects)]
        .filter((r) => !names.has(r))
        .map((target) => ({ agent: agent.name, file: agent.file, line: rule.line, bullet, target }));
    }),
  );
}

/** Per agent, the headline words no other agent uses at all, most telling (highest idf × weight) first. */
export function findDistinctiveTerms(index: AgentIndex, terms: AgentTerms, limit = 6): DistinctiveTerms[] {
  return index.agents.map((agent, a) => {
    const own = [...terms.headline[a]!].filter((s) => terms.weights.every((w, b) => b === a || !w.has(s)));
    own.sort((x, y) => terms.weights[a]!.get(y)! - terms.weights[a]!.get(x)! || cmp(x, y));
    return { agent: agent.name, terms: own.slice(0, limit).map((s) => terms.words.get(s) ?? s) };
  });
}
