import { THRESHOLD_GRID, type DecisionConfig, type FusedTable } from "./fit.js";
import { scoreFusedFast } from "./score-fast.js";
import { roundTo } from "../util/numbers.js";

export interface AgentThresholdOptions {
  /** Agents with fewer training rows keep the global threshold. */
  minRows: number;
  /**
   * Shrinkage strength, in rows: an agent's fitted offset from the global threshold is kept
   * in proportion n / (n + shrink), so a threshold fitted on 5 rows moves half the way.
   */
  shrink: number;
}

export const DEFAULT_AGENT_THRESHOLDS: AgentThresholdOptions = { minRows: 5, shrink: 5 };

/**
 * Per-agent thresholds by coordinate ascent: agents in name order, each trying every
 * threshold of the grid with the others held fixed, keeping the one with the best
 * training macro-F1 (ties: the closest to the global threshold), then shrunk toward the
 * global threshold. Agents whose shrunk threshold equals the global one are left out.
 *
 * @example
 * fitAgentThresholds(fuseTable(train, fusion), decision).agentThresholds // { "debugger": 0.43 }
 */
export function fitAgentThresholds(
  fused: FusedTable,
  base: DecisionConfig,
  options: AgentThresholdOptions = DEFAULT_AGENT_THRESHOLDS,
): DecisionConfig {
  const { agents, rows } = fused.table;
  const support = new Array<number>(agents.length).fill(0);
  for (const row of rows) for (const a of row.expected) support[a]!++;
  const global = base.threshold;
  const thresholds: Record<string, number> = { ...base.agentThresholds };
  const order = agents.map((_, a) => a).sort((x, y) => (agents[x]! < agents[y]! ? -1 : 1));
  for (const a of order) {
    const n = support[a]!;
    if (n < options.minRows) continue;
    const name = agents[a]!;
    let best = { value: -1, threshold: global };
    for (const t of THRESHOLD_GRID) {
      const value = scoreFusedFast(fused, { ...base, agentThresholds: { ...thresholds, [name]: t } }).macroF1;
      const closer = Math.abs(t - global) < Math.abs(best.threshold - global);
      if (value > best.value + 1e-9 || (Math.abs(value - best.value) <= 1e-9 && closer)) best = { value, threshold: t };
    }
    const shrunk = roundTo(global + ((best.threshold - global) * n) / (n + options.shrink), 3);
    if (shrunk !== global) thresholds[name] = shrunk;
    else delete thresholds[name];
  }
  return { ...base, agentThresholds: sortKeys(thresholds) };
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
