import yaml from "js-yaml";

/** Thrown by {@link copyBounded} when a document expands past the node budget. */
export class YamlBudgetError extends Error {}

/**
 * Parses YAML without any code-executing or object-building tags: js-yaml's `safeLoad`
 * with the CORE schema (strings, numbers, booleans, null, lists, maps; dates stay strings).
 * The result is then copied with {@link copyBounded}, which is what makes aliases safe.
 *
 * @example
 * parseYamlSafely("name: a\ntools: [Read]", 10_000) // { name: "a", tools: ["Read"] } (null prototype)
 */
export function parseYamlSafely(text: string, maxNodes: number): unknown {
  const raw: unknown = yaml.safeLoad(text, { schema: yaml.CORE_SCHEMA, json: false });
  return copyBounded(raw, maxNodes);
}

/**
 * Deep-copies parsed YAML into null-prototype objects, visiting at most `maxNodes` values.
 * js-yaml resolves an alias to the *same* object, so a "billion laughs" document parses
 * instantly but explodes for anyone who walks it (JSON.stringify, our cue extractor);
 * counting every visit, shared or not, bounds that walk. Null prototypes make `__proto__`
 * an ordinary key that cannot reach Object.prototype.
 *
 * @example
 * copyBounded(JSON.parse('{"__proto__": {"x": 1}}'), 100).__proto__ // { x: 1 }, an own key
 */
export function copyBounded(value: unknown, maxNodes: number): unknown {
  let visited = 0;
  const visit = (node: unknown, depth: number): unknown => {
    visited++;
    if (visited > maxNodes) throw new YamlBudgetError(`more than ${maxNodes} values`);
    if (depth > 64) throw new YamlBudgetError("nested deeper than 64 levels");
    if (Array.isArray(node)) return node.map((item) => visit(item, depth + 1));
    if (node !== null && typeof node === "object") {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(node)) {
        const child = visit((node as Record<string, unknown>)[key], depth + 1);
        Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return node;
  };
  return visit(value, 0);
}

/** The parser's one-line reason and 0-based line, when js-yaml gives them. */
export function describeYamlError(err: unknown): { reason: string; line?: number } {
  if (err instanceof yaml.YAMLException) {
    const detail = err as unknown as { reason?: string; mark?: { line?: number } };
    return { reason: detail.reason ?? err.message.split("\n")[0] ?? "YAML error", line: detail.mark?.line };
  }
  return { reason: err instanceof Error ? err.message : String(err) };
}
