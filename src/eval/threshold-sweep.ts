import { safeDivide } from "./metrics.js";
import type { CaseRecord } from "./types.js";

export interface SweepPoint {
  threshold: number;
  accuracy: number;
  /** Share of prompts dispatched to an agent. */
  coverage: number;
  none: { precision: number; recall: number; f1: number };
}

/**
 * What the main decision would have been at each threshold, from the cases' recorded scores:
 * the best-scored agent when its score reaches the threshold, else none. Multi-agent dispatch
 * and per-agent thresholds are not replayed, so at the threshold in use the figures can differ
 * slightly from the report's. `steps` + 1 thresholds evenly over [0, 1].
 *
 * @example
 * sweepThresholds(report.cases, 100)[50] // { threshold: 0.5, accuracy: 0.71, coverage: 0.93, none: { … } }
 */
export function sweepThresholds(cases: readonly Pick<CaseRecord, "expected" | "ranked">[], steps = 100): SweepPoint[] {
  const rows = cases.map((c) => ({
    top: c.ranked[0] ?? null,
    expectsNone: c.expected.length === 0,
    single: c.expected.length === 1 ? c.expected[0]! : null,
  }));
  const expectedNone = rows.filter((row) => row.expectsNone).length;
  const points: SweepPoint[] = [];
  for (let step = 0; step <= steps; step++) {
    const threshold = step / steps;
    let correct = 0;
    let declined = 0;
    let declinedRight = 0;
    for (const row of rows) {
      const dispatched = row.top !== null && row.top.score >= threshold;
      if (!dispatched) {
        declined++;
        if (row.expectsNone) declinedRight++;
      }
      if (dispatched ? row.single === row.top!.agent : row.expectsNone) correct++;
    }
    const precision = safeDivide(declinedRight, declined);
    const recall = safeDivide(declinedRight, expectedNone);
    points.push({
      threshold,
      accuracy: safeDivide(correct, rows.length),
      coverage: safeDivide(rows.length - declined, rows.length),
      none: { precision, recall, f1: safeDivide(2 * precision * recall, precision + recall) },
    });
  }
  return points;
}
