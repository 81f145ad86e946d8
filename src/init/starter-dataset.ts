import { normalizeAgentName } from "../agents/names.js";
import type { AgentSpec } from "../agents/types.js";
import { quoteCsvCell } from "../util/csv-cell.js";
import type { DispatchRecord } from "../transcripts/types.js";

/** One starter row; every row is marked for a person to check before it is trusted. */
export interface StarterRow {
  prompt: string;
  /** Agent names, primary first; [] = no agent should be dispatched. */
  expected: string[];
  /**
   * agent-example: an `<example>` user turn; skill-cue: a skill's "Use when …" clause (from
   * `when_to_use`, else its description), a situation rather than a prompt, to be rewritten
   * the way a user would ask; transcript: a prompt typed in this project.
   */
  source: "agent-example" | "skill-cue" | "transcript";
}

/** Transcript prompts kept at most (those with a dispatch into the set first). */
export const MAX_TRANSCRIPT_ROWS = 200;
/** Longer prompts are pasted logs or files, not requests to route. */
const MAX_PROMPT_CHARS = 2000;
/** "/review the diff" is a slash command: the command, not routing, decides its work. */
const SLASH_COMMAND = /^\/[\w:-]+(\s|$)/;

/**
 * The rows `init` proposes: each agent's own `<example>` user turns (labeled with that agent),
 * a skill's examples or else the situation its "Use when" clause names (see skillCue), then the prompts typed in this project's Claude Code sessions, labeled with what Claude Code
 * dispatched among these agents (none when it started no agent of the set). Slash commands,
 * blank, over-long and repeated prompts are left out; transcript rows are capped.
 *
 * @example
 * starterRows(agentSet.agents, records)
 * // [{ prompt: "Can you look over my PR…", expected: ["code-reviewer"], source: "agent-example" }, …]
 */
export function starterRows(agents: readonly AgentSpec[], records: readonly DispatchRecord[]): StarterRow[] {
  const seen = new Set<string>();
  const keep = (prompt: string): boolean => {
    const key = prompt.replace(/\s+/g, " ").trim().toLowerCase();
    if (key === "" || prompt.length > MAX_PROMPT_CHARS || SLASH_COMMAND.test(prompt) || seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const rows: StarterRow[] = [];
  for (const agent of agents) {
    for (const example of agent.examples) {
      const prompt = example.user.trim();
      if (keep(prompt)) rows.push({ prompt, expected: [agent.name], source: "agent-example" });
    }
    const cue = agent.kind === "skill" && agent.examples.length === 0 ? skillCue(agent) : null;
    if (cue !== null && keep(cue)) rows.push({ prompt: cue, expected: [agent.name], source: "skill-cue" });
  }
  const canonical = new Map(agents.map((agent) => [normalizeAgentName(agent.name), agent.name]));
  const fromTranscripts: StarterRow[] = [];
  for (const record of records) {
    const prompt = record.prompt.trim();
    if (!keep(prompt)) continue;
    const expected = [...new Set(record.dispatched.flatMap((raw) => canonical.get(normalizeAgentName(raw)) ?? []))];
    fromTranscripts.push({ prompt, expected, source: "transcript" });
  }
  // Dispatched prompts teach the most; then prompts Claude Code kept for itself (none).
  const ordered = [
    ...fromTranscripts.filter((r) => r.expected.length > 0),
    ...fromTranscripts.filter((r) => r.expected.length === 0),
  ];
  return [...rows, ...ordered.slice(0, MAX_TRANSCRIPT_ROWS)];
}

/** "Use when X", "Use this skill whenever X", "This skill should be used when X": X is the cue. */
const USE_WHEN =
  /(?:^|[.!?]\s+)(?:use (?:this skill |it )?|this skill should be used |invoke (?:this skill |it )?)(?:when(?:ever)?|if|for|to) ([^.!?]{10,})/i;

/**
 * The situation a skill says it is for, as one starter prompt: the clause after "Use when"
 * in its `when_to_use`, else in its description, else the first sentence of `when_to_use`;
 * null when it names none (a skill with only a title-like description).
 *
 * @example
 * skillCue({ description: "Guide for MCP servers. Use when building MCP servers to integrate APIs." })
 * // "Building MCP servers to integrate APIs"
 */
export function skillCue(skill: Pick<AgentSpec, "description" | "whenToUse">): string | null {
  for (const text of [skill.whenToUse, skill.description]) {
    const clause = text === undefined ? undefined : USE_WHEN.exec(text.replace(/\s+/g, " "))?.[1];
    if (clause !== undefined) return capitalize(clause.trim());
  }
  const first = skill.whenToUse
    ?.replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s/)[0];
  return first !== undefined && first.length >= 10 ? capitalize(first.replace(/[.!?]$/, "")) : null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The starter dataset as CSV: `prompt,expected,source,review`, every row `review` = `todo`
 * (eval reads the extra columns as tags; delete the column once the rows are checked).
 *
 * @example
 * renderStarterCsv([{ prompt: "fix CI", expected: ["devops"], source: "transcript" }])
 * // "prompt,expected,source,review\nfix CI,devops,transcript,todo\n"
 */
export function renderStarterCsv(rows: readonly StarterRow[]): string {
  const lines = ["prompt,expected,source,review"];
  for (const row of rows)
    lines.push([row.prompt, row.expected.join("|"), row.source, "todo"].map(quoteCsvCell).join(","));
  return `${lines.join("\n")}\n`;
}
