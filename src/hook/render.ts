import type { AgentKind } from "../agents/types.js";
import type { RouteDecision } from "../classify/types.js";
import type { HookInput } from "./input.js";

/**
 * The hook's stdout for a decision: additionalContext naming the agent(s) or skill(s) and why
 * in one short sentence, or "" when the decision dispatches nobody. `kinds` says which names
 * are skills (absent: all agents); once a skill is among them each name says what it is, and
 * Claude is told that a skill is loaded with the Skill tool, not started as a subagent.
 *
 * @example
 * renderHookOutput(decision)
 * // '{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"agentroute: this looks like a job for debugger (confidence 0.81; trigger \\"stack trace\\")."}}\n'
 * renderHookOutput(skillDecision, new Map([["pdf", "skill"]]))
 * // '… "agentroute: this looks like a job for the skill pdf (confidence 0.62; …). Load a skill with the Skill tool." …'
 */
export function renderHookOutput(decision: RouteDecision, kinds?: ReadonlyMap<string, AgentKind>): string {
  if (decision.dispatch.length === 0) return "";
  const hasSkill = decision.dispatch.some((name) => kinds?.get(name) === "skill");
  const names = decision.dispatch.map((name) =>
    !hasSkill ? name : kinds?.get(name) === "skill" ? `the skill ${name}` : `the subagent ${name}`,
  );
  const who = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  const context =
    `agentroute: this looks like a job for ${who} (${shortReason(decision)}).` +
    (hasSkill ? " Load a skill with the Skill tool." : "");
  return (
    JSON.stringify({ hookSpecificOutput: { hookEventName: "UserPromptSubmit", additionalContext: context } }) + "\n"
  );
}

function shortReason(decision: RouteDecision): string {
  const top = decision.dispatch[0]!;
  const score = decision.ranked.find((r) => r.agent === top)?.score ?? 0;
  const reason = decision.reasons.agents.find((r) => r.agent === top);
  const parts = [`confidence ${score.toFixed(2)}`];
  if (reason && reason.matchedTriggers.length > 0) {
    parts.push(
      `trigger ${reason.matchedTriggers
        .slice(0, 2)
        .map((t) => JSON.stringify(t))
        .join(", ")}`,
    );
  } else if (reason?.bestPiece) {
    parts.push(`close to its ${reason.bestPiece.kind} ${JSON.stringify(clip(reason.bestPiece.text, 60))}`);
  }
  return parts.join("; ");
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** One line of the decision log (`$AGENTROUTE_DECISION_LOG`). */
export function decisionLogLine(input: HookInput, decision: RouteDecision, at: Date): string {
  return JSON.stringify({
    timestamp: at.toISOString(),
    session: input.session_id ?? "",
    cwd: input.cwd,
    prompt: input.prompt,
    dispatch: decision.dispatch,
    ranked: decision.ranked.slice(0, 3),
    mode: decision.mode,
    summary: decision.reasons.summary,
  });
}

/** Which names of a set are skills (for renderHookOutput). */
export function kindsOf(agents: readonly { name: string; kind?: AgentKind }[]): Map<string, AgentKind> {
  return new Map(agents.map((a) => [a.name, a.kind ?? "agent"]));
}
