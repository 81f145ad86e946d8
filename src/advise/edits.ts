import type { CaseRecord } from "../eval/types.js";
import type { ConfusionGroup } from "./data.js";
import type { AgentEdit } from "./types.js";

const NONE = "none";
const QUOTE_CHARS = 80;

/**
 * Concrete edits for the confusions of an eval: for each (expected → predicted) pair, a When
 * NOT to Engage bullet for the agent that wrongly won (quoting the clearest prompt, with a
 * redirect to the right agent or "no agent"), and for the agent that should have won a
 * sentence for its description and a trigger phrase from the prompts' own words.
 *
 * @example
 * proposeEdits(groups)[0].summary
 * // 'add to frontend-engineer\'s When NOT to Engage: "- Requests like \\"translate this paragraph into French\\" (no agent)"'
 */
export function proposeEdits(
  groups: readonly ConfusionGroup[],
  triggerWord: (g: ConfusionGroup) => string | null,
): AgentEdit[] {
  const out: AgentEdit[] = [];
  for (const g of groups) {
    const prompts = g.cases.map((c) => c.prompt);
    const example = clearest(g.cases);
    if (g.predicted !== NONE) {
      const redirect = g.expected === NONE ? "no agent" : `use ${g.expected}`;
      const text = `Requests like "${example}" (${redirect})`;
      out.push({
        key: `add-not-engage:${g.predicted}:${g.expected}`,
        kind: "add-not-engage",
        agent: g.predicted,
        ...(g.expected === NONE ? {} : { redirect: g.expected }),
        text,
        summary: `add a When NOT to Engage bullet to ${g.predicted}: ${text}`,
        prompts,
      });
    }
    if (g.expected === NONE || g.extra) continue;
    const sentence = `Also use it for requests like "${example}".`;
    out.push({
      key: `add-sentence:${g.expected}:${g.predicted}`,
      kind: "add-sentence",
      agent: g.expected,
      text: sentence,
      summary: `add a sentence to ${g.expected}'s description: ${sentence}`,
      prompts,
    });
    const word = triggerWord(g);
    if (word) {
      out.push({
        key: `add-trigger:${g.expected}:${g.predicted}`,
        kind: "add-trigger",
        agent: g.expected,
        text: word,
        summary: `add trigger "${word}" to ${g.expected}'s description`,
        prompts,
      });
    }
  }
  return out;
}

/** The shortest prompt of the group (clipped), quotes made single: the easiest to read in a bullet. */
function clearest(cases: readonly CaseRecord[]): string {
  const prompt = [...cases].map((c) => c.prompt).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0]!;
  const flat = prompt.replace(/\s+/g, " ").replace(/"/g, "'").trim();
  if (flat.length <= QUOTE_CHARS) return flat;
  // Clipped at a word boundary: "…crashes in CI with 'No space left on device'…", not "…on the run…".
  const cut = flat.slice(0, QUOTE_CHARS - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > QUOTE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * The agent file's text with the edit applied, or null when it cannot be applied safely
 * (a description in a YAML block scalar, say). Bullets go at the end of the When NOT to
 * Engage section (a new section at the end of the file when there is none); triggers join
 * the description's "Triggers on" list or start one; sentences end the description.
 *
 * @example
 * applyEdit("---\nname: a\ndescription: Does x.\n---\n", { kind: "add-trigger", text: "jest", … })
 * // '---\nname: a\ndescription: Does x. Triggers on "jest".\n---\n'
 */
export function applyEdit(text: string, edit: Pick<AgentEdit, "kind" | "text">): string | null {
  // A CRLF file stays CRLF: the edit is made on LF lines, then the line ends are restored.
  const crlf = text.includes("\r\n") && !/(^|[^\r])\n/.test(text);
  const lf = crlf ? text.replace(/\r\n/g, "\n") : text;
  const edited =
    edit.kind === "add-not-engage"
      ? addBullet(lf, edit.text)
      : editDescription(
          lf,
          (value, escape) =>
            edit.kind === "add-sentence"
              ? `${endSentence(value)} ${escape(edit.text)}`
              : addTrigger(value, edit.text, escape),
          edit.kind === "add-trigger",
        );
  return edited !== null && crlf ? edited.replace(/\n/g, "\r\n") : edited;
}

function addTrigger(description: string, phrase: string, escape: Escape): string {
  const at = /\btriggers on\s+/i.exec(description);
  if (at) {
    const i = at.index + at[0].length;
    return `${description.slice(0, i)}${escape(`"${phrase}", `)}${description.slice(i)}`;
  }
  return `${endSentence(description)} ${escape(`Triggers on "${phrase}".`)}`;
}

/** The text without trailing space, ending in a full stop unless it ends a sentence already. */
function endSentence(text: string): string {
  const trimmed = text.replace(/\s+$/, "");
  return /[.!?:"')]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Escapes inserted text for the description's quoting style. */
type Escape = (inserted: string) => string;

const HEADING = /^(#{1,6})[ \t]+(.*\S)/;
const NOT_ENGAGE = /\bwhen\s+not\s+to\b/i;

function addBullet(text: string, bullet: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => HEADING.test(l) && NOT_ENGAGE.test(l));
  if (start < 0) return `${text.replace(/\n*$/, "")}\n\n## When NOT to Engage\n\n- ${bullet}\n`;
  const level = HEADING.exec(lines[start]!)![1]!.length;
  let end = start + 1;
  while (end < lines.length && !(HEADING.test(lines[end]!) && HEADING.exec(lines[end]!)![1]!.length <= level)) end++;
  let last = end - 1;
  while (last > start && lines[last]!.trim() === "") last--;
  lines.splice(last + 1, 0, `- ${bullet}`);
  return lines.join("\n");
}

/**
 * Rewrites the `description:` value in place, one line only: the key's spacing, the quoting,
 * the other keys and the body stay byte for byte. A one-line value (plain, '…' or "…") is
 * changed as a whole; a plain value that would stop being plain YAML becomes double-quoted. In
 * a block scalar (`|`, `>`) the change goes to the first paragraph's last line, or for a
 * trigger to its "Triggers on" line. Null for a plain value continued on the next line.
 */
function editDescription(
  text: string,
  change: (value: string, escape: Escape) => string,
  toTriggers: boolean,
): string | null {
  const lines = text.split("\n");
  const close = lines.indexOf("---", 1);
  const at = lines.findIndex((l, i) => i > 0 && (close < 0 || i < close) && /^description:[ \t]*\S/.test(l));
  if (at < 0) return null;
  const prefix = /^description:[ \t]*/.exec(lines[at]!)![0];
  if (/^[|>][-+0-9]*\s*$/.test(lines[at]!.slice(prefix.length))) {
    const target = blockTarget(lines, at + 1, toTriggers);
    if (target < 0) return null;
    const tail = /\s*$/.exec(lines[target]!)![0];
    lines[target] = `${change(lines[target]!.slice(0, lines[target]!.length - tail.length), (t) => t)}${tail}`;
    return lines.join("\n");
  }
  if (/^[ \t]+\S/.test(lines[at + 1] ?? "")) return null;
  const tail = /\s*$/.exec(lines[at]!)![0];
  const raw = lines[at]!.slice(prefix.length, lines[at]!.length - tail.length);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : null;
  if (quote && (raw.length < 2 || !raw.endsWith(quote))) return null;
  // The value's own text (and its escapes) is kept as written; only the inserted text is escaped.
  let next: string;
  if (quote === '"') next = `"${change(raw.slice(1, -1), quoteDouble)}"`;
  else if (quote === "'") next = `'${change(raw.slice(1, -1), (t) => t.replace(/'/g, "''"))}'`;
  else {
    const plain = change(raw, (t) => t);
    next = /: |\s#|^["'&*!|>%@`{[]/.test(plain) ? `"${quoteDouble(plain)}"` : plain;
  }
  lines[at] = `${prefix}${next}${tail}`;
  return lines.join("\n");
}

/** The line of a block scalar starting at `from` to edit: its "Triggers on" line (when asked) or its first paragraph's last line. */
function blockTarget(lines: readonly string[], from: number, toTriggers: boolean): number {
  let last = -1;
  for (let i = from; i < lines.length && /^[ \t]+\S/.test(lines[i]!); i++) {
    if (toTriggers && /\btriggers on\s+/i.test(lines[i]!)) return i;
    last = i;
  }
  return last;
}

function quoteDouble(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`);
}
