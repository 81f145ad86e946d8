/** Timing helpers for the bench: pure summaries of measured samples. */

export interface TimeSummary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/**
 * Nearest-rank percentile of an ascending list (q in [0, 1]); NaN for an empty list.
 *
 * @example
 * nearestRank([1, 2, 3, 4], 0.5) // 2
 */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * p50, p95, mean, min and max of samples in milliseconds.
 *
 * @example
 * summarizeTimes([3, 1, 2]).p50 // 2
 */
export function summarizeTimes(samples: readonly number[]): TimeSummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    mean,
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Times `fn` once per input, in order, and returns the samples in milliseconds.
 *
 * @example
 * const ms = await timeEach(prompts, (p) => router.route(p));
 */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    await fn(input);
    out.push(msSince(start));
  }
  return out;
}

/**
 * A figure for tables: 3 significant decimals under 10, 1 under 1000, else whole.
 *
 * @example
 * formatMs(0.04321) // "0.043"
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 10) return ms.toFixed(3);
  if (ms < 1000) return ms.toFixed(1);
  return ms.toFixed(0);
}
