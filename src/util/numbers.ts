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
