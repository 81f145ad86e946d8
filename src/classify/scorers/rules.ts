import { normalizeAgentName } from "../../agents/names.js";
import { containsPhrase } from "../../indexing/text.js";
import type { AgentIndex } from "../../indexing/types.js";
import type { PreparedQuery } from "../query.js";
import { maxByAgent, round } from "./pieces.js";
import { defineSignal, type Evidence, type Scorer, type ScorerOutput } from "./types.js";

/** Smallest not-engage margin a reason mentions (smaller ones are noise, though still features). */
const SHOWN_MARGIN = 0.05;
/** Similarity a mandate clause must reach before a reason says it fired. */
const FIRED = { embeddings: 0.45, keyword: 0.25 };

/**
 * The agent files' own routing rules:
 * - `trig`: trigger phrases found in the prompt, each worth 1 / (agents sharing it), capped at 3;
 * - `must`, `proactive`: best similarity to the agent's MUST BE USED / PROACTIVELY clauses;
 * - `not_engage`: how much closer the prompt is to one of the agent's "When NOT to Engage"
 *   bullets than to its best positive piece (evidence against it);
 * - `redirect`: the same margin, credited to the agents that bullet redirects to.
 */
export function createRulesScorer(index: AgentIndex): Scorer<RulesFeature> {
  const n = index.agents.length;
  const byName = new Map(index.agents.map((a, i) => [normalizeAgentName(a.name), i]));
  const redirectsOf = index.pieces.map((p) =>
    (p.redirects ?? [])
      .map((r) => byName.get(normalizeAgentName(r)))
      .filter((i): i is number => i !== undefined && i !== p.agent),
  );
  const sims = (q: PreparedQuery): Float32Array => q.pieceCos ?? q.pieceLex;
  const groups = index.derived.groups;
  return {
    name: "rules",
    score(q: PreparedQuery): ScorerOutput<RulesFeature> {
      const s = sims(q);
      const trig = new Float64Array(n);
      index.triggers.forEach((list, a) => {
        for (const t of list) if (containsPhrase(q.stems, t.stems)) trig[a]! += 1 / t.sharedBy;
        trig[a] = Math.min(3, trig[a]!);
      });
      const must = maxByAgent(groups.mustBeUsed, s);
      const proactive = maxByAgent(groups.proactive, s);
      const positive = maxByAgent(groups.positive, s);
      const notEngage = new Float64Array(n);
      const redirect = new Float64Array(n);
      groups.notEngage.forEach((ids, agent) => {
        for (const i of ids) {
          const margin = Math.max(0, s[i]! - positive[agent]!);
          if (margin > notEngage[agent]!) notEngage[agent] = margin;
          for (const target of redirectsOf[i]!) if (margin > redirect[target]!) redirect[target] = margin;
        }
      });
      const scores = trig.map((t, a) => Math.min(1, t / 2 + Math.max(must[a]!, proactive[a]! * 0.7) / 2));
      return { scores, features: { trig, must, proactive, not_engage: notEngage, redirect } };
    },
    explain(q, agent, out): Evidence {
      const s = sims(q);
      const fired = q.pieceCos ? FIRED.embeddings : FIRED.keyword;
      const rules: string[] = [];
      const matchedTriggers = index.triggers[agent]!.filter((t) => containsPhrase(q.stems, t.stems)).map((t) => t.text);
      const mandates = [...groups.mustBeUsed[agent]!, ...groups.proactive[agent]!].sort((x, y) => x - y);
      for (const i of mandates) {
        if (s[i]! < fired) continue;
        const p = index.pieces[i]!;
        rules.push(`${p.kind === "mustBeUsed" ? "MUST BE USED" : "PROACTIVELY"}: ${p.text} (${round(s[i]!, 2)})`);
      }
      if (out.features.not_engage[agent]! >= SHOWN_MARGIN) {
        rules.push(
          `When NOT to Engage matches better than its own pieces (−${round(out.features.not_engage[agent]!, 2)})`,
        );
      }
      if (out.features.redirect[agent]! >= SHOWN_MARGIN)
        rules.push(`another agent's When NOT to Engage redirects here (+${round(out.features.redirect[agent]!, 2)})`);
      return { matchedTriggers, rules };
    },
  };
}

/** The features this scorer produces (fusion sums them in this order). */
const RULES_FEATURES = ["trig", "must", "proactive", "not_engage", "redirect"] as const;
type RulesFeature = (typeof RULES_FEATURES)[number];

export const rulesSignal = defineSignal({ features: RULES_FEATURES, needs: null, create: createRulesScorer });
