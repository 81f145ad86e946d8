/**
 * Sets `record[key]` as an own, enumerable property whatever the key: `__proto__` from a
 * dataset column or a subagent name becomes a key like any other, instead of changing the
 * object's prototype (and silently vanishing).
 *
 * @example
 * const tags = {}; setOwn(tags, "__proto__", "x"); Object.keys(tags) // ["__proto__"]
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The count under `key`, ignoring inherited names like `constructor`. */
export function ownCount(record: Readonly<Record<string, number>>, key: string): number {
  return Object.hasOwn(record, key) ? record[key]! : 0;
}

/**
 * Adds one to the count under `key`: `constructor` counts 1, not "function Object()…1".
 *
 * @example
 * const perAgent = {}; addCount(perAgent, "constructor"); perAgent.constructor // 1
 */
export function addCount(record: Record<string, number>, key: string, by = 1): void {
  setOwn(record, key, ownCount(record, key) + by);
}
