/**
 * Generated sections inside hand-written Markdown: the text between
 * `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` belongs to a generator (the bench,
 * scripts/gen-cli-docs.ts); everything around it is prose a person edits.
 *
 * @example
 * replaceSection("a\n<!-- generated:x -->\nold\n<!-- /generated:x -->\nb", "x", "new", "f.md")
 * // "a\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nb"
 */
import { readFileSync, writeFileSync } from "node:fs";

const open = (name: string) => `<!-- generated:${name} -->`;
const close = (name: string) => `<!-- /generated:${name} -->`;

/** A generated section that is missing or broken in a docs file: names the file and the markers to add. */
export class DocSectionError extends Error {}

/** The names of the generated sections in a Markdown text, in order. */
export function listSections(text: string): string[] {
  return [...text.matchAll(/<!-- generated:([\w.-]+) -->/g)].map((m) => m[1]!);
}

/** The current body of one section, or undefined when the file has no such section. */
export function readSection(text: string, name: string): string | undefined {
  const start = text.indexOf(open(name));
  const end = text.indexOf(close(name));
  if (start < 0 || end < start) return undefined;
  return text
    .slice(start + open(name).length, end)
    .replace(/^\n/, "")
    .replace(/\n$/, "");
}

/** `text` with the section's body replaced by `body`; throws naming `file` when the markers are missing. */
export function replaceSection(text: string, name: string, body: string, file: string): string {
  const start = text.indexOf(open(name));
  const end = text.indexOf(close(name));
  if (start < 0 || end < start || text.indexOf(open(name), start + 1) >= 0)
    throw new DocSectionError(
      `${file}: no generated section "${name}": add the lines ${open(name)} and ${close(name)} (once each, in that order) where it belongs`,
    );
  return `${text.slice(0, start)}${open(name)}\n${body.trimEnd()}\n${text.slice(end)}`;
}

/**
 * Replaces several sections of one file on disk; writes only when something changed.
 * Returns the names of the sections whose body changed.
 */
export function writeSections(file: string, bodies: Readonly<Record<string, string>>): string[] {
  const before = readFileSync(file, "utf8");
  let text = before;
  const changed: string[] = [];
  for (const [name, body] of Object.entries(bodies)) {
    const next = replaceSection(text, name, body, file);
    if (readSection(next, name) !== readSection(text, name)) changed.push(name);
    text = next;
  }
  if (text !== before) writeFileSync(file, text);
  return changed;
}
