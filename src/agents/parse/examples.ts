import { extractRedirectNames } from "./redirects.js";
import { collapseSpace } from "./sentences.js";
import type { LineLocator } from "./source-lines.js";
import type { AgentExample, NotEngageRule } from "../types.js";


const COMMENTARY = /<commentary>([\s\S]*?)<\/commentary>/i;
const LABEL = /(?:^|\n)[ \t]*(context|user|assistant)[ \t]*:/gi;
/** Labels run together on one line (`<example>Context: … user: "…" assistant: "…"`), tried second. */
const INLINE_LABEL = /(?:^|\s)(context|user|assistant)[ \t]*:/gi;

/**
 * Reads every `<example>` block in a description, in all the styles real sets use:
 * `<example>user: "…"</example>` on one line, and multi-line blocks with `Context:`,
 * `user:`, `assistant:` and `<commentary>` (also as `- <example>` list items).
 *
 * @example
 * extractExamples('<example>user: "Fix the build"</example>', () => 4)
 * // [{ user: "Fix the build", line: 4 }]
 */
export function extractExamples(
  text: string,
  locate: LineLocator,
): { examples: AgentExample[]; missingUser: number[]; escaped: number } {
  const examples: AgentExample[] = [];
  const missingUser: number[] = [];
  let escaped = 0;
  for (const block of findBlocks(text, "example")) {
    const line = locate(block.start);
    // A one-line description may write its line breaks as a backslash and an n (Anthropic's
    // own plugin agents do): read them as breaks, and count them for lint.
    const literal = block.inner.split(ESCAPED_BREAK).length - 1;
    escaped += literal;
    const inner = literal > 0 ? block.inner.replace(ESCAPED_BREAK, "\n") : block.inner;
    const example = parseExampleBlock(inner, line);
    if (example) examples.push(example);
    else missingUser.push(line);
  }
  return { examples, missingUser, escaped };
}

/** A backslash followed by n, as two characters (not a line break). */
const ESCAPED_BREAK = /\\n/g;

function parseExampleBlock(inner: string, line: number): AgentExample | undefined {
  return parseWithLabels(inner, line, LABEL) ?? parseWithLabels(inner, line, INLINE_LABEL);
}

function parseWithLabels(inner: string, line: number, pattern: RegExp): AgentExample | undefined {
  const commentaryMatch = COMMENTARY.exec(inner);
  const rest = commentaryMatch ? inner.replace(COMMENTARY, "\n") : inner;
  const labels = [...rest.matchAll(pattern)];
  const fields: Record<string, string> = {};
  labels.forEach((label, i) => {
    const name = (label[1] ?? "").toLowerCase();
    const end = labels[i + 1]?.index ?? rest.length;
    if (!(name in fields)) fields[name] = collapseSpace(rest.slice(label.index + label[0].length, end));
  });
  // A block with no labels at all is the utterance itself.
  const user = fields.user ?? (labels.length === 0 ? collapseSpace(rest) : "");
  if (user === "") return undefined;
  const example: AgentExample = { user: stripQuotes(user), line };
  if (fields.context) example.context = fields.context;
  if (fields.assistant) example.assistant = stripQuotes(fields.assistant);
  const commentary = commentaryMatch ? collapseSpace(commentaryMatch[1] ?? "") : "";
  if (commentary !== "") example.commentary = commentary;
  return example;
}

/**
 * Reads vijaythecoder-style `<delegation>` blocks (`Trigger:` … `Target:` …) as not-engage
 * rules: "when Trigger, hand to Target" is exactly "do not take this, Target does".
 *
 * @example
 * extractDelegations("<delegation>\nTrigger: Backend API work required\nTarget: backend-developer\n</delegation>", () => 9)
 * // [{ text: "Backend API work required", line: 9, redirects: ["backend-developer"] }]
 */
export function extractDelegations(text: string, locate: LineLocator): NotEngageRule[] {
  const rules: NotEngageRule[] = [];
  for (const block of findBlocks(text, "delegation")) {
    const inner = block.inner;
    const trigger = /(?:^|\n)[ \t]*trigger[ \t]*:(.*)/i.exec(inner);
    const target = /(?:^|\n)[ \t]*target[ \t]*:(.*)/i.exec(inner);
    if (!trigger?.[1] || !target?.[1]) continue;
    const offset = block.innerStart + trigger.index + trigger[0].search(/trigger/i);
    rules.push({ text: collapseSpace(trigger[1]), line: locate(offset), redirects: extractRedirectNames(target[1]) });
  }
  return rules;
}

/**
 * Replaces example and delegation blocks with spaces (newlines kept), so the rest of the
 * description can be split into clauses with offsets that still map to file lines.
 */
export function blankOutBlocks(text: string): string {
  const blocks = [...findBlocks(text, "example"), ...findBlocks(text, "delegation")].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const block of blocks) {
    if (block.start < at) continue; // a delegation inside an example is already blank
    parts.push(text.slice(at, block.start), text.slice(block.start, block.end).replace(/[^\n]/g, " "));
    at = block.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** One `<tag>…</tag>` block: offsets of the whole block and of its inner text. */
interface Block {
  start: number;
  end: number;
  innerStart: number;
  inner: string;
}

/**
 * Finds `<tag>…</tag>` blocks (case-insensitive, not nested) with indexOf scans, so many
 * unclosed tags cost one pass instead of one scan to the end per tag (a lazy regex would).
 */
function findBlocks(text: string, tag: string): Block[] {
  const open = new RegExp(`<${tag}>`, "gi");
  const close = new RegExp(`</${tag}>`, "gi");
  const blocks: Block[] = [];
  for (let opened = open.exec(text); opened; opened = open.exec(text)) {
    const innerStart = opened.index + opened[0].length;
    close.lastIndex = innerStart;
    const closed = close.exec(text);
    if (!closed) break;
    const end = closed.index + closed[0].length;
    blocks.push({ start: opened.index, end, innerStart, inner: text.slice(innerStart, closed.index) });
    open.lastIndex = end;
  }
  return blocks;
}

function stripQuotes(text: string): string {
  const match = /^["“'‘](.*)["”'’]$/s.exec(text);
  return (match?.[1] ?? text).trim();
}
