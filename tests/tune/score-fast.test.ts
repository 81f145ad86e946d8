import { describe, expect, it } from "vitest";
import { FEATURE_NAMES } from "../../src/classify/scorers/features.js";
import type { FeatureRow, FeatureTable } from "../../src/tune/feature-table.js";
import { fuseTable, scoreFused } from "../../src/tune/fit.js";
import { scoreFusedFast } from "../../src/tune/score-fast.js";
import { mulberry32 } from "../../src/util/prng.js";

/** Random features and labels, multi-label and none rows included. */
function randomTable(seed: number): FeatureTable {
  const random = mulberry32(seed);
  const agents = ["a", "b", "c", "d"];
  const rows: FeatureRow[] = Array.from({ length: 50 }, (_, i) => {
    const r = random();
    const expected = r < 0.2 ? [] : r < 0.35 ? [0, 2] : [Math.floor(random() * 4)];
    return { prompt: `p${i}`, expected, features: FEATURE_NAMES.map(() => Float64Array.from(agents, () => random())) };
  });
  return { agents, rows };
}

describe("scoreFusedFast", () => {
  it.each([1, 2, 3, 4, 5])("matches scoreFused on random table %i under several decision rules", (seed) => {
    const fused = fuseTable(randomTable(seed), { bias: -3, weights: { head_p: 3, kw_cov: 2, trig: 1 } });
    for (const threshold of [0.2, 0.4, 0.6]) {
      for (const agentThresholds of [{}, { b: 0.7, c: 0.3 }] as Record<string, number>[]) {
        const decision = {
          threshold,
          agentThresholds,
          multi: { margin: 0.2, min: 0.4, max: 3, jobMin: 1, jobMargin: 0 },
        };
        const slow = scoreFused(fused, decision);
        const fast = scoreFusedFast(fused, decision);
        expect(fast.accuracy).toBeCloseTo(slow.accuracy, 12);
        expect(fast.macroF1).toBeCloseTo(slow.macroF1, 12);
      }
    }
  });
});
