import { makeDiagnostic, sortDiagnostics } from "../diagnostic.js";
import {
  DEFAULT_LINT_OPTIONS, checkDescriptionLength, checkDuplicateNames, checkNameMatchesFile, checkRedirects,
  checkRoutable, checkSharedTriggers, type LintOptions, type LintRule,
} from "./rules.js";
import { checkNameOnlyDescription, checkSkillEntryCap, checkSkillListingBudget } from "./skill-rules.js";
import type { AgentSet, Diagnostic } from "../types.js";

export type { LintOptions } from "./rules.js";

/** Every rule, in one list; adding a rule is adding it here. */
export const LINT_RULES: readonly LintRule[] = [
  checkNameMatchesFile, checkDuplicateNames, checkRedirects, checkSharedTriggers, checkRoutable, checkDescriptionLength,
  checkNameOnlyDescription, checkSkillEntryCap, checkSkillListingBudget,
];

/**
 * Lints a loaded set: the set's own parse diagnostics (malformed frontmatter, missing
 * name/description, unreadable files…) plus every rule's findings, sorted by file, line, code.
 * Pure: the same set always gives the same list.
 *
 * @example
 * const diagnostics = lintAgents(await loadAgents("agents"));
 * diagnostics.filter((d) => d.severity === "error").length // 0 for a clean set
 */
export function lintAgents(set: AgentSet, options: Partial<LintOptions> = {}): Diagnostic[] {
  const resolved: LintOptions = { ...DEFAULT_LINT_OPTIONS, ...options };
  const found = LINT_RULES.flatMap((rule) => rule(set.agents, resolved));
  if (set.agents.length === 0) {
    found.push(makeDiagnostic(".", 1, "error", "no-agents", `no agents or skills found in ${set.root}`,
      "Point at the folder holding the agent .md files (with `---` frontmatter), e.g. .claude/agents."));
  }
  return sortDiagnostics([...set.diagnostics, ...found]);
}

/** Counts per severity, for summaries and exit codes. */
export function countSeverities(diagnostics: readonly Diagnostic[]): Record<"error" | "warning" | "info", number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
