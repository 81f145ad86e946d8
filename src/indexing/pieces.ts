import type { AgentSpec, SourceText } from "../agents/types.js";
import { contentStems } from "./text.js";
import type { Piece, PieceKind } from "./types.js";

/**
 * Caps per agent and kind. Real bodies run to hundreds of bullets (checklists); past these
 * counts extra pieces add cost, not routing signal. The first bullets of a list are kept.
 */
export const PIECE_LIMITS: Readonly<Record<PieceKind, number>> = {
  name: 1,
  description: 12,
  mustBeUsed: 6,
  proactive: 6,
  trigger: 1,
  engage: 16,
  capability: 16,
  example: 40,
  redirected: 24,
  notEngage: 16,
};

/** Longest piece text embedded or indexed, in characters. */
export const MAX_PIECE_CHARS = 600;

/** Agent name as words: "backend-engineer" → "backend engineer". */
export function nameWords(name: string): string {
  return name.replace(/[-_.]+/g, " ").trim();
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > MAX_PIECE_CHARS ? t.slice(0, MAX_PIECE_CHARS) : t;
}

/**
 * Cuts one agent into the pieces the router embeds and searches, in a fixed order.
 * Triggers become one piece ("backend, server, api") for the embedding; each trigger is
 * still matched as a phrase on its own by the rules scorer.
 */
export function agentPieces(spec: AgentSpec, agent: number): Piece[] {
  const out: Piece[] = [];
  const add = (kind: PieceKind, items: readonly (SourceText & { redirects?: string[] })[]): void => {
    const seen = new Set<string>();
    for (const item of items) {
      if (seen.size >= PIECE_LIMITS[kind]) break;
      const text = clip(item.text);
      const key = text.toLowerCase();
      if (text.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push(
        item.redirects
          ? { agent, kind, text, line: item.line, redirects: item.redirects }
          : { agent, kind, text, line: item.line },
      );
    }
  };
  add("name", [{ text: nameWords(spec.name), line: 1 }]);
  add("description", spec.descriptionClauses);
  add("mustBeUsed", spec.mustBeUsed);
  add("proactive", spec.proactive);
  if (spec.triggers.length > 0) {
    add("trigger", [{ text: spec.triggers.map((t) => t.text).join(", "), line: spec.triggers[0]!.line }]);
  }
  add("engage", spec.engage);
  add("capability", spec.capabilities);
  add(
    "example",
    spec.examples.map((e) => ({ text: e.user, line: e.line })),
  );
  add("notEngage", spec.notEngage);
  return out;
}

/** Kinds that speak for an agent (everything but its not-engage bullets). */
export function isPositiveKind(kind: PieceKind): boolean {
  return kind !== "notEngage";
}

/** "Tasks better suited for X", "better handled by X": the bullet says who, not what. */
const ONLY_WHO =
  /^(?:tasks?|work|anything|requests?)?\s*(?:that are |which are )?(?:better |best )?(?:suited|handled|owned|done|served)\b/i;
/** Redirect wording left dangling at the end once agent names are removed: "(use )", "→", "delegate to". */
const DANGLING =
  /(?:\s*(?:[([]\s*[)\]]|[([]|[)\]]|->|→|,|;|:|\b(?:use|using|see|via|by|to|for|with|instead|or|and|delegate|hand(?:ed)?\s+off|refer|route|send)\b))+\s*$/i;

/**
 * A not-engage bullet that names where the work goes ("Query tuning on an existing schema
 * (use database-specialist)") describes the target's job in the other agent's words. Each
 * becomes a positive piece of its target (kind "redirected"), with the agent names and the
 * redirect wording stripped; bullets that only say who ("Tasks better suited for
 * api-architect") add nothing and are skipped.
 * @example "Browser end-to-end suites (use test-automator)" → "Browser end-to-end suites" for test-automator
 */
export function redirectedPieces(
  pieces: readonly Piece[],
  agents: readonly AgentSpec[],
  normalize: (name: string) => string,
): Piece[] {
  const byName = new Map(agents.map((a, i) => [normalize(a.name), i]));
  const counts = new Map<number, number>();
  const out: Piece[] = [];
  for (const p of pieces) {
    if (p.kind !== "notEngage" || !p.redirects?.length || ONLY_WHO.test(p.text.trim())) continue;
    const text = stripRedirect(p.text, [...agents.map((a) => a.name), ...p.redirects]);
    if (contentStems(text).length < 2) continue;
    for (const r of p.redirects) {
      const target = byName.get(normalize(r));
      if (target === undefined || target === p.agent) continue;
      const n = counts.get(target) ?? 0;
      if (n >= PIECE_LIMITS.redirected) continue;
      counts.set(target, n + 1);
      out.push({ agent: target, kind: "redirected", text: clip(text), line: p.line });
    }
  }
  return out;
}

/** Removes agent names (and parentheses around them) and the redirect wording they leave behind. */
export function stripRedirect(text: string, names: readonly string[]): string {
  let t = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    t = t.replace(new RegExp(`\`?\\b${escaped}\\b\`?`, "gi"), " ");
  }
  let prev = "";
  while (prev !== t) {
    prev = t;
    t = t
      .replace(/\(\s*(?:use|see|via|try|ask)?\s*(?:,|or|and)?\s*\)/gi, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(DANGLING, "")
      .trim();
  }
  return t;
}
