import type { AgentIndex } from "../indexing/types.js";
import type { RouterConfig } from "./config.js";
import type { PreparedQuery } from "./query.js";
import { round } from "./scorers/pieces.js";
import type { Scorer, ScorerOutput } from "./scorers/types.js";
import type { AgentReason, RankedAgent, RouteDecision } from "./types.js";

/** Agents explained in reasons besides the dispatched ones. */
const EXPLAINED = 3;

/**
 * Turns scores into a decision: the top agent when it clears its threshold; more agents
 * when they also clear theirs and are within `multi.margin` of the top; none otherwise.
 * Ties break by agent name, so the order never depends on the input order.
 */
export function decide(
  index: AgentIndex,
  config: RouterConfig,
  scorer: Scorer,
  q: PreparedQuery,
  out: ScorerOutput,
): RouteDecision {
  const names = index.agents.map((a) => a.name);
  const order = rankAgents(out.scores, names);
  const top = order[0]!;
  const topScore = out.scores[top]!;
  const dispatch = chooseDispatch(out.scores, names, config, order);
  // The bar the top agent had to clear: its own threshold when the config gives one.
  const threshold = agentThreshold(config, names[top]!);
  const ranked: RankedAgent[] = order
    .slice(0, Math.min(config.topK, order.length))
    .map((a) => ({ agent: names[a]!, score: round(out.scores[a]!) }));
  const explained = [...new Set([...dispatch, ...order.slice(0, EXPLAINED)])];
  const agents = explained.map((a) => explainAgent(index, scorer, q, out, a));
  return {
    prompt: q.prompt,
    dispatch: dispatch.map((a) => names[a]!),
    ranked,
    mode: index.embedder ? "embeddings" : "keyword",
    model: index.embedder?.id ?? null,
    reasons: {
      summary: summarize(
        dispatch.map((a) => names[a]!),
        agents,
        names[top]!,
        topScore,
        threshold,
      ),
      agents,
      threshold,
    },
  };
}

/** Agent indices best first; ties break by name. */
export function rankAgents(scores: Float64Array, names: readonly string[]): number[] {
  return names.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || (names[a]! < names[b]! ? -1 : 1));
}

/**
 * The agents to dispatch for these scores (indices, best first); [] means none.
 * Shared by the router and by `tune`, so tuning optimises exactly what routing does.
 */
export function chooseDispatch(
  scores: Float64Array,
  names: readonly string[],
  config: Pick<RouterConfig, "threshold" | "agentThresholds" | "multi">,
  order = rankAgents(scores, names),
): number[] {
  const thresholdOf = (a: number): number => agentThreshold(config, names[a]!);
  const top = order[0];
  if (top === undefined || scores[top]! < thresholdOf(top)) return [];
  const dispatch = [top];
  for (const a of order.slice(1)) {
    if (dispatch.length >= config.multi.max || scores[a]! < scores[top]! - config.multi.margin) break;
    if (scores[a]! >= Math.max(thresholdOf(a), config.multi.min)) dispatch.push(a);
  }
  return dispatch;
}

/** The score an agent must reach to be dispatched: its own threshold, else the global one. */
export function agentThreshold(config: Pick<RouterConfig, "threshold" | "agentThresholds">, name: string): number {
  return config.agentThresholds[name] ?? config.threshold;
}

function explainAgent(index: AgentIndex, scorer: Scorer, q: PreparedQuery, out: ScorerOutput, a: number): AgentReason {
  const e = scorer.explain?.(q, a, out) ?? {};
  const features: Record<string, number> = {};
  for (const name of Object.keys(out.features).sort()) features[name] = round(out.features[name]![a]!);
  const spec = index.agents[a]!;
  const reason: AgentReason = {
    agent: spec.name,
    score: round(out.scores[a]!),
    matchedTriggers: e.matchedTriggers ?? [],
    bestPiece: e.bestPiece ?? null,
    rules: e.rules ?? [],
    features,
  };
  if (spec.scope !== undefined || spec.kind !== undefined) {
    reason.source = { kind: spec.kind ?? "agent", file: spec.file };
    if (spec.scope !== undefined) reason.source.scope = spec.scope;
  }
  return reason;
}

function summarize(
  dispatch: string[],
  agents: AgentReason[],
  topName: string,
  topScore: number,
  threshold: number,
): string {
  if (dispatch.length === 0) {
    return `none: the best agent, ${topName}, scored ${round(topScore, 2)}, under the threshold ${threshold}`;
  }
  const first = agents.find((r) => r.agent === dispatch[0])!;
  const why: string[] = [];
  if (first.matchedTriggers.length) why.push(`triggers ${first.matchedTriggers.map((t) => `"${t}"`).join(", ")}`);
  if (first.bestPiece) why.push(`closest to its ${first.bestPiece.kind} "${clip(first.bestPiece.text)}"`);
  if (first.rules.length) why.push(first.rules[0]!);
  const who = dispatch.length > 1 ? `${dispatch.join(" + ")}` : dispatch[0]!;
  return `${who} (${round(first.score, 2)})${why.length ? `: ${why.join("; ")}` : ""}`;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
