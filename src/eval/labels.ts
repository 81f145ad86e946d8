import { normalizeAgentName } from "../agents/names.js";
import { damerauLevenshtein } from "../util/natural.js";
import { compareStrings } from "../util/numbers.js";

/** The label that stands for "no agent should be dispatched" in reports and matrices. */
export const NONE_LABEL = "none";

/**
 * Ways a dataset may spell "no agent" in `expected` (compared after normalising): intent
 * benchmarks call it out-of-scope ("oos" in CLINC150). An agent of that name wins over this.
 */
const NONE_SPELLINGS = new Set(["none", "(none)", "oos", "out-of-scope", "no-agent"]);

/** Label matching uses the one agent-name normalisation (see src/agents/names.ts). */
export const normalizeLabel = normalizeAgentName;

/** Result of resolving the labels of one row: canonical names, or the ones that matched nothing. */
export interface ResolvedLabels {
  expected: string[];
  unknown: string[];
  /** True when the row said "none" alongside agent names, which contradicts itself. */
  noneWithAgents: boolean;
}

/**
 * Resolves written labels to canonical agent names. Builds the lookup once per dataset.
 *
 * @example
 * const resolve = createLabelResolver(["backend-engineer"]);
 * resolve(["Backend_Engineer", "none"]) // { expected: ["backend-engineer"], unknown: [], noneWithAgents: true }
 */
export function createLabelResolver(agentNames: readonly string[]): (labels: readonly string[]) => ResolvedLabels {
  const canonical = new Map(agentNames.map((name) => [normalizeLabel(name), name]));
  return (labels) => {
    const expected: string[] = [];
    const unknown: string[] = [];
    let sawNone = false;
    for (const label of labels) {
      const key = normalizeLabel(label);
      if (key === "") continue;
      const name = canonical.get(key);
      if (name !== undefined) {
        if (!expected.includes(name)) expected.push(name);
      } else if (NONE_SPELLINGS.has(key)) {
        sawNone = true;
      } else {
        unknown.push(label.trim());
      }
    }
    return { expected, unknown, noneWithAgents: sawNone && expected.length > 0 };
  };
}

/**
 * Splits an `expected` cell written as `a|b` into its labels (empty cell: no labels = none).
 *
 * @example
 * splitLabels(" a | b ") // ["a", "b"]
 */
export function splitLabels(cell: string): string[] {
  return cell
    .split("|")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * Up to `max` agent names closest to a misspelt label (Damerau-Levenshtein over normalised
 * names, ties by name), for "did you mean" hints.
 *
 * @example
 * suggestNames("backend-enginer", ["backend-engineer", "frontend-engineer", "devops"]) // ["backend-engineer"]
 */
export function suggestNames(label: string, agentNames: readonly string[], max = 3): string[] {
  const key = normalizeLabel(label);
  // A suggestion further away than about a third of the label is noise, not a near miss.
  const limit = Math.max(2, Math.floor(key.length / 3));
  // The distance is at least the length difference: skipping those names first keeps a
  // pasted paragraph in `expected` from costing seconds per agent (the result is the same).
  return agentNames
    .filter((name) => Math.abs(normalizeLabel(name).length - key.length) <= limit)
    .map((name) => ({ name, distance: damerauLevenshtein(key, normalizeLabel(name)) }))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance || compareNames(a.name, b.name))
    .slice(0, max)
    .map((entry) => entry.name);
}

/** Code-unit order, independent of the locale, for stable output everywhere. */
export const compareNames = compareStrings;

/**
 * Sorts labels by name with "none" last, the order every matrix and table uses.
 *
 * @example
 * sortLabels(["none", "b", "a"]) // ["a", "b", "none"]
 */
export function sortLabels(labels: Iterable<string>): string[] {
  const unique = [...new Set(labels)];
  const agents = unique.filter((label) => label !== NONE_LABEL).sort(compareNames);
  return unique.includes(NONE_LABEL) ? [...agents, NONE_LABEL] : agents;
}
