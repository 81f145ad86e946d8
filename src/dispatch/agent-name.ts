/**
 * Normalises a subagent name the way Claude Code matches `subagent_type` to agent files:
 * case-insensitive, spaces and underscores read as hyphens, surrounding space ignored.
 *
 * @example
 * normalizeAgentName(" Code_Reviewer ") // "code-reviewer"
 * normalizeAgentName("Explore")         // "explore"
 */
export function normalizeAgentName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

/**
 * Claude Code's built-in subagent types (normalised). They have no file in an agent set, so a
 * dispatch to one of them is reported apart from a dispatch to an agent that is simply missing.
 */
export const BUILT_IN_AGENTS: ReadonlySet<string> = new Set([
  "general-purpose",
  "explore",
  "plan",
  "statusline-setup",
  "output-style-setup",
  "claude-code-guide",
]);
