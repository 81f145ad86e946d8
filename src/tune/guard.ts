import type { CandidateRunner } from "./runners.js";

/** What a labeled set can support, said before any candidate is tried. */
export interface DataGuard {
  rows: number;
  /** Agents of the set, and how many of them have at least one labeled prompt. */
  agents: number;
  labeledAgents: number;
  /** Rows per labeled agent (as an expected agent): smallest and median. */
  perAgent: { min: number; median: number };
  /** Rows per cross-validation fold: smallest and largest. */
  perFold: { min: number; max: number };
  /** Candidates skipped, with the reason (name → reason). */
  skipped: Record<string, string>;
  /** One or two sentences for the terminal. */
  summary: string;
}

/**
 * The small-data guard: counts rows per agent and per fold, skips the candidates whose
 * `needs` the data does not meet, and says what one prompt is worth on a fold.
 *
 * @example
 * guardData([[0], [1], [], …19 rows], 6, folds, runners).summary
 * // "19 labeled prompts for 6 agents (median 3 an agent, 3-4 a fold): one prompt moves a fold's…"
 */
export function guardData(
  expected: readonly (readonly number[])[],
  agentCount: number,
  folds: readonly number[],
  runners: readonly CandidateRunner[],
): DataGuard {
  const support = new Array<number>(agentCount).fill(0);
  for (const row of expected) for (const a of row) support[a]!++;
  const labeled = support.filter((n) => n > 0).sort((a, b) => a - b);
  const median = labeled.length ? labeled[Math.floor((labeled.length - 1) / 2)]! : 0;
  const k = folds.reduce((a, b) => Math.max(a, b), -1) + 1;
  const sizes = Array.from({ length: k }, (_, f) => folds.filter((x) => x === f).length);
  const skipped: Record<string, string> = {};
  for (const r of runners) {
    const { rows = 0, perAgent = 0 } = r.needs;
    const missing: string[] = [];
    if (expected.length < rows) missing.push(`${rows} labeled prompts (have ${expected.length})`);
    if (median < perAgent) missing.push(`${perAgent} prompts for the median agent (have ${median})`);
    if (missing.length) skipped[r.name] = `needs ${missing.join(" and ")}`;
  }
  const perFold = { min: Math.min(...sizes), max: Math.max(...sizes) };
  const foldRange = perFold.min === perFold.max ? `${perFold.min}` : `${perFold.min}-${perFold.max}`;
  const lines = [
    `${expected.length} labeled prompts for ${agentCount} agents (${labeled.length} labeled; median ${median} an agent, ${foldRange} a fold)`,
  ];
  if (median < 10) {
    lines.push(
      `small data: one prompt moves a fold's figures by about ${(1 / Math.max(perFold.min, 1)).toFixed(2)}; a candidate must win on most folds and beyond noise to be kept`,
    );
  }
  const names = Object.keys(skipped);
  if (names.length) lines.push(`not tried: ${names.map((n) => `${n} (${skipped[n]})`).join("; ")}`);
  return {
    rows: expected.length,
    agents: agentCount,
    labeledAgents: labeled.length,
    perAgent: { min: labeled[0] ?? 0, median },
    perFold,
    skipped,
    summary: lines.join("\n"),
  };
}
