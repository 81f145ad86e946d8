import { normalizeAgentName } from "../agents/names.js";
import type { AgentSpec } from "../agents/types.js";
import { quoteCsvCell } from "../util/csv-cell.js";
import type { DispatchRecord } from "../transcripts/types.js";

/** One starter row; every row is marked for a person to check before it is trusted. */
export interface StarterRow {
  prompt: string;
  /** Agent names, primary first; [] = no agent should be dispatched. */
  expected: string[];
  source: "agent-example" | "transcript";
}

/** Transcript prompts kept at most (those with a dispatch into the set first). */
export const MAX_TRANSCRIPT_ROWS = 200;
/** Longer prompts are pasted logs or files, not requests to route. */
const MAX_PROMPT_CHARS = 2000;
/** "/review the diff" is a slash command: the command, not routing, decides its work. */
const SLASH_COMMAND = /^\/[\w:-]+(\s|$)/;

/**
 * The rows `init` proposes: each agent's own `<example>` user turns (labeled with that agent),
 * then the prompts typed in this project's Claude Code sessions, labeled with what Claude Code
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
