import { BOOTSTRAP_DEFAULTS, bootstrapDelta } from "./bootstrap.js";
import { decisionConfidence } from "./calibration.js";
import type { CaseRecord, EvalReport, Interval } from "./types.js";
import { compareNames } from "./labels.js";
import { round4 } from "./summary.js";

export interface MetricDelta {
  metric: string;
  a: number;
  b: number;
  /** b - a, rounded to 4 decimals. */
  delta: number;
  /** Paired-bootstrap 95% interval of the change (accuracy and macro F1 only), else null. */
  ci: Interval | null;
}

export interface AgentDelta {
  agent: string;
  /** F1 on each side; null when the agent is not in that side's set. */
  a: number | null;
  b: number | null;
  delta: number | null;
  /** Support on the side that has it (b first). */
  support: number;
  /** Paired-bootstrap 95% interval of the F1 change; null when the agent is on one side only. */
  ci: Interval | null;
}

/** A prompt whose decision changed between two runs (matched by prompt text). */
export interface FlippedCase {
  prompt: string;
  line: number;
  expected: string[];
  before: string[];
  after: string[];
  /** The new run's explanation of its decision. */
  reason: string;
  /** Each run's confidence in its decision (top score, or 1 - top score when it declined). */
  confidence: { before: number; after: number };
}

/**
 * Every prompt whose decision changed: right → wrong, wrong → right, and wrong → a different
 * wrong decision (which moves agents' F1 with no change in accuracy).
 */
export interface FlippedSets {
  rightToWrong: FlippedCase[];
  wrongToRight: FlippedCase[];
  wrongToWrong: FlippedCase[];
}

export interface Comparison {
  metrics: MetricDelta[];
  agents: AgentDelta[];
  flipped: FlippedSets;
  /** Prompts present in only one of the runs (different datasets or skipped rows). */
  unmatched: { onlyA: number; onlyB: number };
  sameDataset: boolean;
  /**
   * Paired-bootstrap 95% intervals of B - A over the prompts both runs share (null when none
   * are shared): an interval excluding 0 is a change beyond noise.
   */
  deltaCi: { accuracy: Interval; macroF1: Interval; pairs: number; resamples: number; seed: number } | null;
}

/** The headline metrics compared, in display order, read from a report summary. */
const METRICS: [string, (r: EvalReport) => number][] = [
  ["accuracy", (r) => r.summary.accuracy],
  ["macro F1", (r) => r.summary.macro.f1],
  ["macro precision", (r) => r.summary.macro.precision],
  ["macro recall", (r) => r.summary.macro.recall],
  ["micro F1", (r) => r.summary.micro.f1],
  ["weighted F1", (r) => r.summary.weighted.f1],
  ["none precision", (r) => r.summary.none.precision],
  ["none recall", (r) => r.summary.none.recall],
  ["top-1", (r) => r.summary.top1],
  ["top-3", (r) => r.summary.top3],
  ["MRR", (r) => r.summary.mrr],
  ["ECE", (r) => r.summary.ece],
];

/**
 * Metric deltas (A → B), each agent's F1 change and the prompts that flipped either way.
 *
 * @example
 * const diff = compareReports(await readReport("old.json"), await readReport("new.json"));
 * diff.metrics[1] // { metric: "macro F1", a: 0.81, b: 0.84, delta: 0.03 }
 */
export function compareReports(a: EvalReport, b: EvalReport): Comparison {
  const paired = pairedDeltaCi(a.cases, b.cases);
  return {
    metrics: METRICS.map(([metric, read]) => ({
      metric,
      a: read(a),
      b: read(b),
      delta: round4(read(b) - read(a)),
      ci: metric === "accuracy" ? (paired?.accuracy ?? null) : metric === "macro F1" ? (paired?.macroF1 ?? null) : null,
    })),
    agents: compareAgents(a, b, paired?.perLabel ?? {}),
    ...findFlipped(a.cases, b.cases),
    sameDataset: a.dataset.hash === b.dataset.hash,
    deltaCi:
      paired === null
        ? null
        : {
            accuracy: paired.accuracy,
            macroF1: paired.macroF1,
            pairs: paired.pairs,
            resamples: paired.resamples,
            seed: paired.seed,
          },
  };
}

function pairedDeltaCi(
  a: readonly CaseRecord[],
  b: readonly CaseRecord[],
): (NonNullable<Comparison["deltaCi"]> & { perLabel: Record<string, Interval> }) | null {
  const before = new Map(a.map((c) => [c.prompt, c]));
  const pairs = b.filter((c) => before.has(c.prompt));
  if (pairs.length === 0) return null;
  const { resamples, seed } = BOOTSTRAP_DEFAULTS;
  const ci = bootstrapDelta(
    pairs.map((c) => before.get(c.prompt)!),
    pairs,
    { resamples, seed },
  );
  const round = (i: Interval): Interval => ({ low: round4(i.low), high: round4(i.high) });
  const perLabel = Object.fromEntries(Object.entries(ci.perLabel).map(([label, interval]) => [label, round(interval)]));
  return { accuracy: round(ci.accuracy), macroF1: round(ci.macroF1), perLabel, pairs: pairs.length, resamples, seed };
}

function compareAgents(a: EvalReport, b: EvalReport, perLabel: Record<string, Interval>): AgentDelta[] {
  const names = [...new Set([...Object.keys(a.perAgent), ...Object.keys(b.perAgent)])].sort(compareNames);
  return names.map((agent) => {
    const before = a.perAgent[agent];
    const after = b.perAgent[agent];
    const delta = before && after ? round4(after.f1 - before.f1) : null;
    // A label that never occurs in the shared prompts has no draw: its change is exactly 0.
    const ci = delta === null ? null : (perLabel[agent] ?? { low: 0, high: 0 });
    return {
      agent,
      a: before?.f1 ?? null,
      b: after?.f1 ?? null,
      delta,
      support: after?.support ?? before?.support ?? 0,
      ci,
    };
  });
}

/**
 * Cases matched by prompt text whose decision changed, in B's dataset order: correctness
 * flipped either way, or a wrong decision became a different wrong one.
 *
 * @example
 * findFlipped(old.cases, now.cases).flipped.wrongToWrong[0] // { expected: ["a"], before: ["b"], after: ["c"], … }
 */
export function findFlipped(
  a: readonly CaseRecord[],
  b: readonly CaseRecord[],
): Pick<Comparison, "flipped" | "unmatched"> {
  const before = new Map(a.map((c) => [c.prompt, c]));
  const flipped: FlippedSets = { rightToWrong: [], wrongToRight: [], wrongToWrong: [] };
  let matched = 0;
  for (const c of b) {
    const old = before.get(c.prompt);
    if (!old) continue;
    matched++;
    const kind = changeKind(old, c);
    if (kind === null) continue;
    flipped[kind].push({
      prompt: c.prompt,
      line: c.line,
      expected: c.expected,
      before: old.predicted,
      after: c.predicted,
      reason: c.reasons.summary,
      confidence: { before: round4(decisionConfidence(old)), after: round4(decisionConfidence(c)) },
    });
  }
  return { flipped, unmatched: { onlyA: before.size - matched, onlyB: b.length - matched } };
}

function changeKind(old: CaseRecord, now: CaseRecord): keyof FlippedSets | null {
  if (old.correct !== now.correct) return now.correct ? "wrongToRight" : "rightToWrong";
  if (now.correct || sameLabels(old.predicted, now.predicted)) return null;
  return "wrongToWrong";
}

function sameLabels(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((label) => y.includes(label));
}
