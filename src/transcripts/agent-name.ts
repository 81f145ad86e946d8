/**
 * Claude Code's built-in subagent types (normalised with `normalizeAgentName`). They have no file
 * in an agent set, so a dispatch to one of them is reported apart from a dispatch to an agent
 * that is simply missing from the set.
 */
export const BUILT_IN_AGENTS: ReadonlySet<string> = new Set([
  "general-purpose",
  "explore",
  "plan",
  "statusline-setup",
  "output-style-setup",
  "claude-code-guide",
]);
