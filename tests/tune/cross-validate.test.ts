import { describe, expect, it } from "vitest";
import { DEFAULT_FUSION } from "../../src/classify/defaults.js";
import { featuresIn, FEATURE_NAMES } from "../../src/classify/scorers/features.js";
import { fitAgentThresholds } from "../../src/tune/agent-thresholds.js";
import { CANDIDATES, type Candidate, type TuneContext } from "../../src/tune/candidates.js";
import { meanSd } from "../../src/tune/cross-validate.js";
import { fuseTable } from "../../src/tune/fit.js";
import { nestedEstimate, selectCandidate } from "../../src/tune/nested.js";
import { outOfFold, tableRunner } from "../../src/tune/runners.js";
import { judge, pickWinner, type Verdict } from "../../src/tune/select.js";
import type { FeatureRow, FeatureTable } from "../../src/tune/feature-table.js";
import { assignFolds } from "../../src/tune/folds.js";
import { mulberry32 } from "../../src/util/prng.js";

const AGENTS = ["alpha", "beta", "gamma"];

/** A table where `head_p` and `kw_cov` point at the right agent, with noise; every fifth row expects none. */
function syntheticTable(rows: number, seed = 1): FeatureTable {
  const random = mulberry32(seed);
  const out: FeatureRow[] = [];
  for (let i = 0; i < rows; i++) {
    const target = i % 5 === 4 ? -1 : i % 3;
    const features = FEATURE_NAMES.map((name) =>
      Float64Array.from(AGENTS, (_, a) => {
        if (name === "head_p" || name === "kw_cov") return (a === target ? 0.6 : 0.1) + random() * 0.3;
        return 0;
      }),
    );
    out.push({ prompt: `p${i}`, expected: target < 0 ? [] : [target], features });
  }
  return { agents: AGENTS, rows: out };
}

const context: TuneContext = {
  defaults: {
    fusion: DEFAULT_FUSION.keyword,
    decision: {
      threshold: 0.5,
      agentThresholds: {},
      multi: { margin: 0.25, min: 0.5, max: 3, jobMin: 1, jobMargin: 0 },
    },
  },
  features: featuresIn("keyword"),
};

const rowsOf = (table: FeatureTable) => table.rows.map((_, i) => i);
const dataOf = (table: FeatureTable) => ({
  agents: table.agents,
  expected: table.rows.map((r) => r.expected),
  labels: table.rows.map((r) => String(r.expected[0] ?? "none")),
});

describe("out-of-fold predictions", () => {
  it("fits each fold on the other folds' rows only: train and test never share a row", async () => {
    const table = syntheticTable(40);
    const folds = assignFolds(dataOf(table).labels, 4, 1);
    const seen: string[][] = [];
    const spy: Candidate = {
      name: "spy",
      description: "records its training rows",
      needs: {},
      fit: (train, ctx) => {
        seen.push(train.rows.map((r) => r.prompt));
        return ctx.defaults;
      },
    };
    const predicted = await outOfFold(tableRunner(spy, table, context), rowsOf(table), folds);
    expect(seen).toHaveLength(4);
    expect(predicted).toHaveLength(40);
    seen.forEach((train, fold) => {
      const test = table.rows.filter((_, i) => folds[i] === fold).map((r) => r.prompt);
      expect(train.filter((p) => test.includes(p))).toEqual([]);
      expect(train.length + test.length).toBe(40);
    });
  });

  it("judges every built-in candidate deterministically, each figure in [0, 1]", async () => {
    const table = syntheticTable(60);
    const folds = assignFolds(dataOf(table).labels, 3, 2);
    const runners = CANDIDATES.map((c) => tableRunner(c, table, context));
    const first = await selectCandidate(runners, dataOf(table), rowsOf(table), folds);
    expect(await selectCandidate(runners, dataOf(table), rowsOf(table), folds)).toEqual(first);
    // 60 rows, 20 an agent: the weight refits need 100 rows and are not tried.
    expect(first.verdicts.map((v) => v.name)).toEqual(["defaults", "threshold", "agent-thresholds"]);
    expect(Object.keys(first.guard.skipped)).toEqual(["weights", "weights-fresh", "weights+agents"]);
    for (const v of first.verdicts) {
      expect(v.macroF1.mean).toBeGreaterThanOrEqual(0);
      expect(v.macroF1.mean).toBeLessThanOrEqual(1);
    }
  });

  it("nested cross-validation predicts every row with a choice made without it", async () => {
    const table = syntheticTable(60);
    const folds = assignFolds(dataOf(table).labels, 3, 2);
    const runners = CANDIDATES.map((c) => tableRunner(c, table, context));
    const estimate = await nestedEstimate(runners, dataOf(table), folds, 2);
    expect(estimate.chosen).toHaveLength(3);
    expect(estimate.delta.interval.low).toBeLessThanOrEqual(estimate.delta.interval.high);
    expect(estimate.delta.macroF1).toBeCloseTo(estimate.after.macroF1 - estimate.before.macroF1, 3);
  });
});

describe("the win rule", () => {
  const cases = (hits: boolean[]) =>
    hits.map((hit) => ({ expected: ["a"], predicted: hit ? ["a"] : ["b"], ranked: [] }));
  const folds = Array.from({ length: 20 }, (_, i) => i % 5);

  it("keeps a candidate that wins on most folds and beyond noise", () => {
    const base = cases(Array.from({ length: 20 }, (_, i) => i % 2 === 0));
    const better = cases(Array.from({ length: 20 }, () => true));
    const v = judge({ name: "c", description: "" }, better, base, folds);
    expect(v.delta.foldsUp).toBe(5);
    expect(v.delta.interval.low).toBeGreaterThan(0);
    expect(v.wins).toBe(true);
  });

  it("refuses a gain carried by one fold, and says why", () => {
    const base = cases(Array.from({ length: 20 }, () => false));
    const lucky = cases(Array.from({ length: 20 }, (_, i) => i === 0));
    const v = judge({ name: "c", description: "" }, lucky, base, folds);
    expect(v.wins).toBe(false);
    expect(v.why).toMatch(/^rose on 1\/5 folds \(needs 3\); paired 95% interval \[0\.000, [\d.]+\] includes 0$/);
  });

  it("picks the largest winning gain, and nothing when none won", () => {
    const verdict = (name: string, mean: number, wins: boolean) =>
      ({ name, wins, delta: { mean } }) as unknown as Verdict;
    expect(pickWinner([verdict("a", 0.02, true), verdict("b", 0.05, true), verdict("c", 0.09, false)])?.name).toBe("b");
    expect(pickWinner([verdict("a", 0.02, false)])).toBeNull();
  });
});

describe("meanSd", () => {
  it("computes the sample standard deviation", () => {
    expect(meanSd([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
    expect(meanSd([0.5])).toEqual({ mean: 0.5, sd: 0 });
  });
});

describe("fitAgentThresholds", () => {
  it("lowers the threshold of an agent whose right answers score low, shrunk toward the global one", () => {
    const table = syntheticTable(60);
    // gamma's right answers score low: only a lower threshold lets them through.
    const damped: FeatureTable = {
      agents: table.agents,
      rows: table.rows.map((r) => ({
        ...r,
        features: r.features.map((f) => f && Float64Array.from(f, (v, a) => (a === 2 ? v * 0.5 : v))),
      })),
    };
    const fused = fuseTable(damped, { bias: -4, weights: { head_p: 6, kw_cov: 2 } });
    const base = {
      threshold: 0.5,
      agentThresholds: {},
      multi: { margin: 0.25, min: 0.5, max: 3, jobMin: 1, jobMargin: 0 },
    };
    const fitted = fitAgentThresholds(fused, base);
    expect(fitted.agentThresholds.gamma).toBeDefined();
    expect(fitted.agentThresholds.gamma!).toBeLessThan(0.5);
    expect(fitted.agentThresholds.gamma!).toBeGreaterThan(0.2);
    expect(Object.keys(fitted.agentThresholds)).toEqual([...Object.keys(fitted.agentThresholds)].sort());
  });
});
