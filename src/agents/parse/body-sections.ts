import { extractRedirects } from "./redirects.js";
import { collapseSpace } from "./sentences.js";
import type { NotEngageRule, SourceText } from "../types.js";

/** The body's routing lists. */
export interface BodyCues {
  engage: SourceText[];
  notEngage: NotEngageRule[];
  capabilities: SourceText[];
}

type SectionKind = "engage" | "notEngage" | "capabilities" | "versus";

// Order matters: "When NOT to Engage" must be tested before "When to Engage".
// "When invoked:" (voltagent) is a list of steps the agent takes, not a list of occasions, so it is not here.
const HEADINGS: [SectionKind, RegExp][] = [
  ["notEngage", /\bwhen\s+not\s+to\b|\b(?:do\s+not|don'?t)\s+use\b|\bnot\s+for\b|\bavoid\s+(?:when|using|for)\b|\bout\s+of\s+scope\b|\bnot\s+(?:in\s+)?scope\b|\bwhen\s+to\s+(?:delegate|escalate|hand\s*off)\b|\bboundaries\b/i],
  ["versus", /\bwhen\s+to\s+use\b.*\bvs\.?\b/i],
  ["engage", /\bwhen\s+to\s+(?:engage|use|invoke|call)\b|^use\s+(?:this\s+agent\s+)?(?:when|for)\b|^(?:use\s+cases|triggers?|activation)$/i],
  ["capabilities", /\bcapabilit(?:y|ies)\b|\bexpertise\b|\bfocus\s+areas?\b|\bcompetenc(?:e|ies)\b|\bspecialt(?:y|ies)\b|\bspeciali[sz]ations?\b|\bskills?\b|\bwhat\s+i\s+do\b/i],
];
const HEADING = /^(#{1,6})[ \t]+(.*\S)/;
const MAX_HEADING_CHARS = 200;
const BULLET = /^([ \t]*)(?:[-*+•]|\d+[.)])[ \t]+(.*)$/;

/**
 * Reads the "Core Capabilities", "When to Engage" and "When NOT to Engage" lists (and their
 * variants, matched case-insensitively) from a Markdown body. A section runs to the next
 * heading of the same or a higher level, so bullets under `###` sub-headings count; fenced
 * code is skipped; a bullet's indented continuation lines are joined to it; `**bold**`
 * markers are dropped and their words kept. A "When to Use vs X" section is split per
 * bullet: "Use this agent for …" engages, "Use x-agent for …" is a not-engage redirect.
 *
 * @example
 * extractBodyCues("## When NOT to Engage\n- Debugging (use debugger)\n", 12).notEngage
 * // [{ text: "Debugging (use debugger)", line: 13, redirects: ["debugger"] }]
 */
export function extractBodyCues(body: string, bodyLine: number): BodyCues {
  const cues: BodyCues = { engage: [], notEngage: [], capabilities: [] };
  for (const section of readSections(body, bodyLine)) {
    for (const bullet of section.bullets) addBullet(cues, section.kind, bullet);
  }
  return cues;
}

function addBullet(cues: BodyCues, kind: SectionKind, bullet: SourceText): void {
  if (kind === "capabilities") cues.capabilities.push(bullet);
  else if (kind === "engage") cues.engage.push(bullet);
  else if (kind === "notEngage") cues.notEngage.push({ ...bullet, redirects: extractRedirects(bullet.text) });
  else {
    const self = /^use\s+this\s+agent\s+(?:for|when)\s*:?\s*/i.exec(bullet.text);
    const other = /^[Uu]se\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s+(?:for|when)\s*:?\s*/.exec(bullet.text);
    if (self) cues.engage.push({ text: bullet.text.slice(self[0].length), line: bullet.line });
    else if (other?.[1]) cues.notEngage.push({ text: bullet.text.slice(other[0].length), line: bullet.line, redirects: [other[1]] });
  }
}

interface Section {
  kind: SectionKind;
  bullets: SourceText[];
}

function readSections(body: string, bodyLine: number): Section[] {
  const sections: Section[] = [];
  let current: (Section & { level: number }) | undefined;
  let bullet: { parts: string[]; line: number } | undefined;
  let fenced = false;
  const flush = () => {
    if (current && bullet) current.bullets.push({ text: cleanBullet(bullet.parts.join(" ")), line: bullet.line });
    bullet = undefined;
  };
  body.split("\n").forEach((text, i) => {
    if (/^[ \t]*(?:```|~~~)/.test(text)) fenced = !fenced;
    if (fenced) return flush();
    const heading = HEADING.exec(text);
    if (heading) {
      flush();
      const level = heading[1]?.length ?? 1;
      if (current && level > current.level) return; // a sub-heading stays inside its section
      current = undefined;
      const kind = classifyHeading(trimClosingHashes(heading[2] ?? ""));
      if (kind) {
        current = { kind, level, bullets: [] };
        sections.push(current);
      }
      return;
    }
    if (!current) return;
    const item = BULLET.exec(text);
    if (item) {
      flush();
      bullet = { parts: [item[2] ?? ""], line: bodyLine + i };
    } else if (bullet && /^[ \t]+\S/.test(text)) bullet.parts.push(text.trim());
    else flush();
  });
  flush();
  return sections.filter((s) => s.bullets.length > 0);
}

/** The list a heading introduces, if it is one of ours. */
export function classifyHeading(heading: string): SectionKind | undefined {
  // A section title is short; skipping long "headings" also keeps the `.*` patterns linear.
  if (heading.length > MAX_HEADING_CHARS) return undefined;
  const text = heading.replace(/[*_`:]/g, "").trim();
  return HEADINGS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** "Title ##" → "Title" (ATX closing sequence), by scanning back rather than a backtracking regex. */
function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && " \t#".includes(text[end - 1] ?? "")) end--;
  return text.slice(0, end);
}

function cleanBullet(text: string): string {
  return collapseSpace(text.replace(/\*\*|__/g, "").replace(/^\[[ xX]\]\s+/, ""));
}
