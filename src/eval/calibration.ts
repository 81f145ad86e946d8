import type { ReliabilityBin } from "./types.js";
import { isExactMatch, safeDivide, type ScoredCase } from "./metrics.js";

/**
 * The router's confidence in its whole decision: the top score when it dispatched, and
 * 1 - top score when it abstained (a low best score is a confident "none").
 *
 * @example
 * decisionConfidence({ expected: [], predicted: [], ranked: [{ agent: "a", score: 0.2 }] }) // 0.8
 */
export function decisionConfidence(c: ScoredCase): number {
  const top = c.ranked[0]?.score ?? 0;
  return clamp01(c.predicted.length > 0 ? top : 1 - top);
}

/**
 * Reliability bins (`count` equal-width bins over [0, 1]; a confidence of exactly 1 falls in
 * the last) and the expected calibration error: sum over bins of
 * (bin size / cases) * |accuracy - mean confidence|, where correct means exact match.
 * Empty bins are listed with count 0, confidence and accuracy 0.
 *
 * @example
 * computeCalibration(cases).ece // 0.07
 */
export function computeCalibration(cases: readonly ScoredCase[], count = 10): { ece: number; bins: ReliabilityBin[] } {
  const sums = Array.from({ length: count }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const c of cases) {
    const confidence = decisionConfidence(c);
    const bin = sums[Math.min(count - 1, Math.floor(confidence * count))]!;
    bin.n++;
    bin.confidence += confidence;
    bin.correct += isExactMatch(c) ? 1 : 0;
  }
  const bins = sums.map((bin, i) => ({
    low: i / count,
    high: (i + 1) / count,
    count: bin.n,
    confidence: safeDivide(bin.confidence, bin.n),
    accuracy: safeDivide(bin.correct, bin.n),
  }));
  const ece = bins.reduce(
    (sum, bin) => sum + safeDivide(bin.count, cases.length) * Math.abs(bin.accuracy - bin.confidence),
    0,
  );
  return { ece, bins };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
