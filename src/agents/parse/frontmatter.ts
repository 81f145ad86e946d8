import { makeDiagnostic } from "../diagnostic.js";
import type { Diagnostic } from "../types.js";

/** The frontmatter block of a Markdown file, cut out by line, before any YAML parsing. */
export interface FrontmatterBlock {
  /** The YAML text between the fences. */
  yaml: string;
  /** File line of the first YAML line (the line after the opening `---`). */
  yamlLine: number;
  /** Markdown after the closing fence. */
  body: string;
  /** File line of the first body line. */
  bodyLine: number;
}

export type SplitResult =
  | { kind: "none" }
  | { kind: "ok"; block: FrontmatterBlock }
  | { kind: "error"; diagnostic: Diagnostic };

/**
 * Cuts the `---` fenced frontmatter off a normalised (LF) Markdown text. Only plain `---`
 * opens a block: `---js`, `---javascript`, `---coffee` and any other language tag are
 * refused, because gray-matter would *execute* them and agent files arrive in pull requests.
 *
 * @example
 * splitFrontmatter("---\nname: a\n---\nBody\n")
 * // { kind: "ok", block: { yaml: "name: a", yamlLine: 2, body: "Body\n", bodyLine: 4 } }
 */
export function splitFrontmatter(text: string, file: string, maxChars: number): SplitResult {
  const firstBreak = text.indexOf("\n");
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  if (!firstLine.startsWith("---")) return { kind: "none" };
  const tag = firstLine.slice(3).trim();
  if (tag !== "" && tag !== "yaml") {
    if (/^-+$/.test(tag)) return { kind: "none" }; // a Markdown horizontal rule, not a fence
    return {
      kind: "error",
      diagnostic: makeDiagnostic(file, 1, "error", "unsupported-frontmatter",
        `frontmatter language "${tag.slice(0, 40)}" is not supported (only YAML is read; code frontmatter is never executed)`,
        "Use a plain `---` fence with YAML keys `name` and `description`."),
    };
  }
  const close = findClosingFence(text, firstBreak);
  if (close === undefined) {
    return {
      kind: "error",
      diagnostic: makeDiagnostic(file, 1, "error", "malformed-frontmatter",
        "frontmatter opened with `---` on line 1 is never closed", "Add a line with only `---` after the last frontmatter key."),
    };
  }
  const yaml = text.slice(firstBreak + 1, close.start);
  if (yaml.length > maxChars) {
    return {
      kind: "error",
      diagnostic: makeDiagnostic(file, 1, "error", "frontmatter-too-large",
        `frontmatter is ${yaml.length} characters, over the ${maxChars}-character limit`,
        "Keep the frontmatter to name, description and a few keys; move long text to the body."),
    };
  }
  const yamlLine = 2;
  const bodyLine = yamlLine + countBreaks(yaml) + 1;
  return { kind: "ok", block: { yaml: yaml.replace(/\n$/, ""), yamlLine, body: text.slice(close.end), bodyLine } };
}

/** Finds the `---` (or YAML's `...`) line that closes the block; returns its offsets. */
function findClosingFence(text: string, firstBreak: number): { start: number; end: number } | undefined {
  if (firstBreak === -1) return undefined;
  const fence = /^(?:---|\.\.\.)[ \t]*$/gm;
  fence.lastIndex = firstBreak + 1;
  const match = fence.exec(text);
  if (!match) return undefined;
  const after = match.index + match[0].length;
  return { start: match.index, end: text[after] === "\n" ? after + 1 : after };
}

function countBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
