import type { AgentSpec, SourceText } from "../agents/types.js";
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
      out.push(item.redirects ? { agent, kind, text, line: item.line, redirects: item.redirects } : { agent, kind, text, line: item.line });
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
  add("example", spec.examples.map((e) => ({ text: e.user, line: e.line })));
  add("notEngage", spec.notEngage);
  return out;
}

/** Kinds that speak for an agent (everything but its not-engage bullets). */
export function isPositiveKind(kind: PieceKind): boolean {
  return kind !== "notEngage";
}
