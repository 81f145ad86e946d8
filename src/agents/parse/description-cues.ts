import type { LineLocator } from "./source-lines.js";
import { collapseSpace, splitSentences, trimEndWhile, type TextSpan } from "./sentences.js";
import type { SourceText } from "../types.js";

/** The cues read from an agent's description. */
export interface DescriptionCues {
  triggers: SourceText[];
  mustBeUsed: SourceText[];
  proactive: SourceText[];
  descriptionClauses: SourceText[];
}

const MUST = /\bmust\s+be\s+used\b(?:\s+proactively\b)?/gi;
const PROACTIVE = /\b(?:(?:use|used|invoke|invoked|call)\s+(?:this\s+agent\s+|it\s+)?proactively|proactively\s+(?:use|invoke)(?:\s+this\s+agent)?)\b/gi;
// The connective after the lead words is dropped: "MUST BE USED for X" keeps "X".
const CONNECTIVE = /^\s*(?:(?:for|when|whenever|to|after|before|on|in|if|by|with)\b)?\s*:?\s*/i;
const TRIGGER_LEAD = /\btrigger(?:s|ed)?(?:\s+(?:on|by|words|phrases))?\s*:?\s*(?=["'“‘])/gi;
const QUOTED = /\s*(?:(?:,|;|\bor\b|\band\b)\s*)*(?:"([^"\n]+)"|“([^”\n]+)”|‘([^’\n]+)’|'((?:[^'\n]|'(?=[A-Za-z]))+)')/y;
const LABEL_ONLY = /^(?:examples?|delegations?)\s*:?$/i;

/**
 * Reads triggers, MUST BE USED and PROACTIVELY clauses and the sentence list from a
 * description whose `<example>`/`<delegation>` blocks were blanked out (same length, so
 * offsets still map to file lines through `locate`).
 *
 * @example
 * extractDescriptionCues('MUST BE USED for APIs. Triggers on "api", "not working".', () => 3)
 * // mustBeUsed [{ text: "APIs", line: 3 }], triggers [{ text: "api", line: 3 }, { text: "not working", line: 3 }]
 */
export function extractDescriptionCues(text: string, locate: LineLocator): DescriptionCues {
  const sentences = splitSentences(text).filter((s) => !LABEL_ONLY.test(collapseSpace(s.text)));
  const mustBeUsed: SourceText[] = [];
  const proactive: SourceText[] = [];
  for (const sentence of sentences) {
    for (const clause of extractLeadClauses(sentence)) (clause.kind === "must" ? mustBeUsed : proactive).push({ text: clause.text, line: locate(clause.index) });
  }
  return {
    triggers: extractTriggers(text).map((t) => ({ text: t.text, line: locate(t.index) })),
    mustBeUsed,
    proactive,
    descriptionClauses: sentences.map((s) => ({ text: collapseSpace(s.text), line: locate(s.index) })),
  };
}

/**
 * Quoted phrases after "Triggers on" (also "Triggers on:", "Trigger words:"), kept whole;
 * an apostrophe followed by a letter stays inside a single-quoted phrase ('what's best').
 *
 * @example
 * extractTriggers(`Triggers on: 'ci/cd', 'what's best'.`).map((t) => t.text) // ["ci/cd", "what's best"]
 */
export function extractTriggers(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const lead of text.matchAll(TRIGGER_LEAD)) {
    QUOTED.lastIndex = lead.index + lead[0].length;
    for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
      const phrase = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").trim();
      const offset = m.index + m[0].length - phrase.length - 1;
      if (phrase !== "") out.push({ text: collapseSpace(phrase), index: offset });
    }
  }
  return out;
}

/** MUST BE USED / PROACTIVELY clauses in one sentence; a clause ends where the next lead starts. */
function extractLeadClauses(sentence: TextSpan): { kind: "must" | "proactive"; text: string; index: number }[] {
  const leads = [
    ...[...sentence.text.matchAll(MUST)].map((m) => ({ kind: "must" as const, start: m.index, end: m.index + m[0].length })),
    ...[...sentence.text.matchAll(PROACTIVE)].map((m) => ({ kind: "proactive" as const, start: m.index, end: m.index + m[0].length })),
  ].sort((a, b) => a.start - b.start);
  const out: { kind: "must" | "proactive"; text: string; index: number }[] = [];
  for (const lead of leads) {
    const next = leads.find((other) => other.start >= lead.end)?.start ?? sentence.text.length;
    const rest = sentence.text.slice(lead.end, next);
    const skip = CONNECTIVE.exec(rest)?.[0].length ?? 0;
    const clause = collapseSpace(trimEndWhile(rest.slice(skip), /[\s.,;:]/));
    if (clause !== "") out.push({ kind: lead.kind, text: clause, index: sentence.index + lead.end + skip });
  }
  return out;
}
