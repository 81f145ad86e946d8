/**
 * The `fitted` provenance of a config `tune` wrote for another agent set (hash aaaa…) in
 * keyword mode: what the config-visibility tests read back in headers and warnings.
 */
export const FITTED_ELSEWHERE = {
  at: "2026-12-06T00:00:00.000Z",
  tool: "agentroute@0.1.0",
  mode: "keyword" as const,
  model: null,
  candidate: "threshold",
  agents: { path: "agents", count: 6, hash: "a".repeat(64) },
  dataset: { path: "team.csv", rows: 19, hash: "d".repeat(64) },
  folds: 5,
  seed: 1,
  heldOut: { macroF1Before: 0.7, macroF1After: 0.75, delta: 0.05, interval: { low: 0.01, high: 0.09 } },
};
