/**
 * Rounds to a number of decimals, the precision reports and configs carry.
 * @example roundTo(2 / 3, 3) // 0.667
 */
export function roundTo(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

/**
 * Code-unit order of two strings (not locale order), so sorts are the same on every machine.
 * @example ["b", "a"].sort(compareStrings) // ["a", "b"]
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Percentile by linear interpolation between closest ranks (numpy's default).
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
