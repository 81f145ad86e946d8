import { describe, expect, it } from "vitest";
import { DEFAULT_FUSION } from "../../src/classify/defaults.js";
import { featuresIn, FEATURE_NAMES } from "../../src/classify/scorers/features.js";
import { fitAgentThresholds } from "../../src/tune/agent-thresholds.js";
import { CANDIDATES, type Candidate, type TuneContext } from "../../src/tune/candidates.js";
import { crossValidate, meanSd, pickBest, type CandidateScore } from "../../src/tune/cross-validate.js";
import type { FeatureRow, FeatureTable } from "../../src/tune/feature-table.js";
import { fuseTable } from "../../src/tune/fit.js";
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

describe("crossValidate", () => {
  it("fits each fold on the other folds' rows only: train and test never share a row", () => {
    const table = syntheticTable(40);
    const folds = assignFolds(
      table.rows.map((r) => String(r.expected[0] ?? "none")),
      4,
      1,
    );
    const seen: string[][] = [];
    const spy: Candidate = {
      name: "spy",
      description: "records its training rows",
      fit: (train, ctx) => {
        seen.push(train.rows.map((r) => r.prompt));
        return ctx.defaults;
      },
    };
    const [score] = crossValidate(table, folds, [spy], context);
    expect(seen).toHaveLength(4);
    expect(score!.folds).toHaveLength(4);
    seen.forEach((train, fold) => {
      const test = table.rows.filter((_, i) => folds[i] === fold).map((r) => r.prompt);
      expect(train.filter((p) => test.includes(p))).toEqual([]);
      expect(train.length + test.length).toBe(40);
    });
  });

  it("scores every built-in candidate deterministically, each figure in [0, 1]", () => {
    const table = syntheticTable(60);
    const folds = assignFolds(
      table.rows.map((r) => String(r.expected[0] ?? "none")),
      3,
      2,
    );
    const first = crossValidate(table, folds, CANDIDATES, context);
    expect(first.map((s) => s.name)).toEqual(CANDIDATES.map((c) => c.name));
    expect(crossValidate(table, folds, CANDIDATES, context)).toEqual(first);
    for (const s of first) {
      expect(s.macroF1.mean).toBeGreaterThanOrEqual(0);
      expect(s.macroF1.mean).toBeLessThanOrEqual(1);
    }
    // The signal is clean: refitting on it must do at least as well as the untuned defaults.
    expect(Math.max(...first.slice(1).map((s) => s.macroF1.mean))).toBeGreaterThanOrEqual(first[0]!.macroF1.mean);
  });
});

describe("pickBest and meanSd", () => {
  const score = (name: string, f1: number): CandidateScore => ({
    name,
    description: "",
    folds: [],
    accuracy: { mean: 0, sd: 0 },
    macroF1: { mean: f1, sd: 0 },
  });

  it("picks the best macro-F1 and on a tie the earlier (simpler) candidate", () => {
    expect(pickBest([score("defaults", 0.5), score("threshold", 0.6), score("weights", 0.55)]).name).toBe("threshold");
    expect(pickBest([score("defaults", 0.6), score("threshold", 0.6)]).name).toBe("defaults");
  });

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
