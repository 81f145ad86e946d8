import type { CaseRecord } from "../eval/types.js";
import type { ConfusionGroup } from "./data.js";

/** The kinds of edit advise tests and can apply. */
export type EditKind = "add-not-engage" | "add-trigger" | "add-sentence";

/** One concrete edit to one agent file, as a person would write it. */
export interface AgentEdit {
  /** Same kind, agent and target: the same edit, whichever fold proposed it. */
  key: string;
  kind: EditKind;
  /** The agent whose file changes. */
  agent: string;
  /** What is added: a bullet, a trigger phrase, or a sentence of the description. */
  text: string;
  /** The edit in one line, e.g. `add to frontend-engineer's When NOT to Engage: "- …"`. */
  summary: string;
  /** The misrouted prompts it was drawn from. */
  prompts: string[];
}

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
        text,
        summary: `add to ${g.predicted}'s When NOT to Engage: "- ${text}"`,
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
      summary: `add to ${g.expected}'s description: "${sentence}"`,
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
  return flat.length > QUOTE_CHARS ? `${flat.slice(0, QUOTE_CHARS - 1)}…` : flat;
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
  if (edit.kind === "add-not-engage") return addBullet(text, edit.text);
  return editDescription(text, (value) =>
    edit.kind === "add-sentence" ? `${value.replace(/\s+$/, "")} ${edit.text}` : addTrigger(value, edit.text),
  );
}

function addTrigger(description: string, phrase: string): string {
  const at = /\btriggers on\s+/i.exec(description);
  if (at) {
    const i = at.index + at[0].length;
    return `${description.slice(0, i)}"${phrase}", ${description.slice(i)}`;
  }
  const trimmed = description.replace(/\s+$/, "");
  return `${trimmed}${/[.!?]$/.test(trimmed) ? "" : "."} Triggers on "${phrase}".`;
}

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

/** Rewrites a one-line `description:` value (plain, '…' or "…"); null for any other form. */
function editDescription(text: string, change: (value: string) => string): string | null {
  const lines = text.split("\n");
  const close = lines.indexOf("---", 1);
  const at = lines.findIndex((l, i) => i > 0 && (close < 0 || i < close) && /^description:\s*\S/.test(l));
  if (at < 0) return null;
  const raw = lines[at]!.replace(/^description:\s*/, "");
  if (/^[|>]/.test(raw)) return null;
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : null;
  if (quote && !raw.trimEnd().endsWith(quote)) return null;
  const value = quote ? raw.trimEnd().slice(1, -1) : raw;
  let next = change(value);
  if (quote === '"') next = change(value.replace(/\\"/g, '"')).replace(/"/g, '\\"');
  if (quote === "'") next = change(value.replace(/''/g, "'")).replace(/'/g, "''");
  if (!quote && /: |\s#/.test(next)) return null;
  lines[at] = `description: ${quote ?? ""}${next}${quote ?? ""}`;
  return lines.join("\n");
}
