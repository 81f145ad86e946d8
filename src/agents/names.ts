/**
 * Normalises an agent name the way Claude Code matches them: case-insensitive, with `_`
 * and whitespace read as `-`. Every stage compares names through this one function.
 *
 * @example
 * normalizeAgentName("Backend_Engineer") // "backend-engineer"
 */
export function normalizeAgentName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, "-");
}
