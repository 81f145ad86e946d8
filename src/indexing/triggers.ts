import type { AgentSpec } from "../agents/types.js";
import { stemAll } from "./text.js";
import type { TriggerPhrase } from "./types.js";

/**
 * Prepares every agent's "Triggers on" phrases for matching, and counts how many agents
 * claim each one (matching is on stems, so "databases" and "database" are one phrase).
 */
export function buildTriggerPhrases(agents: readonly AgentSpec[]): TriggerPhrase[][] {
  const perAgent = agents.map((a) => {
    const seen = new Set<string>();
    const out: Omit<TriggerPhrase, "sharedBy">[] = [];
    for (const t of a.triggers) {
      const stems = stemAll(t.text);
      const key = stems.join(" ");
      if (stems.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push({ text: t.text, line: t.line, stems });
    }
    return out;
  });
  const owners = new Map<string, number>();
  for (const list of perAgent)
    for (const t of list) owners.set(t.stems.join(" "), (owners.get(t.stems.join(" ")) ?? 0) + 1);
  return perAgent.map((list) => list.map((t) => ({ ...t, sharedBy: owners.get(t.stems.join(" ")) ?? 1 })));
}
