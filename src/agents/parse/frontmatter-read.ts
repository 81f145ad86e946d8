import { makeDiagnostic } from "../diagnostic.js";
import type { FrontmatterBlock } from "./frontmatter.js";
import type { Diagnostic } from "../types.js";
import { YamlBudgetError, describeYamlError, parseYamlSafely } from "./yaml-safe.js";

/** Frontmatter keys (null-prototype map), the file line of each top-level key, and what went wrong. */
export interface FrontmatterData {
  data: Record<string, unknown>;
  keyLines: Record<string, number>;
  diagnostics: Diagnostic[];
  /** True when YAML failed and the line-based reader produced `data`. */
  recovered: boolean;
}

/**
 * Parses a frontmatter block as YAML; when that fails, reports `malformed-frontmatter` at the
 * parser's line and, if the block is simple `key: value` lines that yield a `name` and a
 * `description`, recovers them with a line-based reader (value verbatim to end of line), so one
 * bad colon does not drop an agent from the set. Alias bombs are refused, never recovered.
 *
 * @example
 * readFrontmatter({ yaml: "name: a\ndescription: Use when x. Triggers on: 'y'", yamlLine: 2, body: "", bodyLine: 4 }, "a.md", 10_000)
 * // data.description === "Use when x. Triggers on: 'y'", recovered: true, one error diagnostic at a.md:3
 */
export function readFrontmatter(block: FrontmatterBlock, file: string, maxNodes: number): FrontmatterData {
  const keyLines = findKeyLines(block);
  try {
    const parsed = parseYamlSafely(block.yaml, maxNodes);
    if (parsed === undefined || parsed === null) return { data: Object.create(null), keyLines, diagnostics: [], recovered: false };
    if (typeof parsed !== "object" || Array.isArray(parsed)) {
      const d = makeDiagnostic(file, block.yamlLine, "error", "malformed-frontmatter",
        "frontmatter is not a map of keys (expected `name: …` and `description: …` lines)", "Write the frontmatter as `key: value` lines.");
      return { data: Object.create(null), keyLines, diagnostics: [d], recovered: false };
    }
    return { data: parsed as Record<string, unknown>, keyLines, diagnostics: [], recovered: false };
  } catch (err) {
    if (err instanceof YamlBudgetError) {
      const d = makeDiagnostic(file, block.yamlLine, "error", "yaml-too-large",
        `frontmatter expands to ${err.message} (YAML aliases used as a "billion laughs" bomb?); file skipped`,
        "Remove the YAML anchors/aliases (&x / *x); agent frontmatter never needs them.");
      return { data: Object.create(null), keyLines, diagnostics: [d], recovered: false };
    }
    return recoverFromYamlError(err, block, file, keyLines);
  }
}

function recoverFromYamlError(err: unknown, block: FrontmatterBlock, file: string, keyLines: Record<string, number>): FrontmatterData {
  const { reason, line } = describeYamlError(err);
  const fileLine = block.yamlLine + (line ?? 0);
  const data = readKeyValueLines(block.yaml);
  // A repeated key makes the intended value a guess, so only unambiguous blocks are recovered.
  const recovered = data !== undefined && typeof data.name === "string" && data.name !== "" && typeof data.description === "string" && data.description !== "";
  const note = recovered ? "; recovered with the line-based reader" : "; agent skipped";
  const d = makeDiagnostic(file, fileLine, "error", "malformed-frontmatter", `frontmatter is not valid YAML: ${reason}${note}`,
    "Quote the value, e.g. description: \"…\" (a `: ` inside an unquoted value starts a new key).");
  return { data: recovered && data ? data : Object.create(null), keyLines, diagnostics: [d], recovered };
}

/**
 * The fallback reader: `key: value` at column 0, value verbatim to end of line; a value of
 * `|`/`>` or an empty value takes the indented lines below it. Returns undefined when a key
 * repeats.
 *
 * @example
 * readKeyValueLines("name: a\ndescription: Use when: x") // { name: "a", description: "Use when: x" }
 */
export function readKeyValueLines(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(lines[i] ?? "");
    if (!match?.[1]) continue;
    let value = (match[2] ?? "").trimEnd();
    if (value === "" || /^[|>][+-]?$/.test(value)) {
      const block: string[] = [];
      while (i + 1 < lines.length && /^(\s|$)/.test(lines[i + 1] ?? "")) block.push((lines[++i] ?? "").trim());
      value = block.join(value.startsWith("|") ? "\n" : " ").trim();
    }
    if (match[1] in out) return undefined;
    Object.defineProperty(out, match[1], { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** File line of each top-level key, read from the raw text (YAML parsers do not report it). */
function findKeyLines(block: FrontmatterBlock): Record<string, number> {
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  block.yaml.split("\n").forEach((text, i) => {
    // Greedy classes that cannot overlap, so a long line without a colon fails in linear time.
    const match = /^(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#'":][^:]*)):(?:\s|$)/.exec(text);
    const key = match?.[1] ?? match?.[2] ?? match?.[3]?.trimEnd();
    if (key !== undefined && !(key in lines)) lines[key] = block.yamlLine + i;
  });
  return lines;
}
