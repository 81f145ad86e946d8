import { makeDiagnostic } from "../diagnostic.js";
import type { AgentSpec } from "../types.js";
import type { LintRule } from "./rules.js";

/**
 * Claude Code's skill listing, as its users measured it (the numbers are not in the
 * reference docs; re-check them when Claude Code changes):
 * - each entry is `description - when_to_use`, cut at 1,536 characters: UiPath/skills#3273
 *   ("Claude Code renders description + " - " + when_to_use in the skill listing and truncates
 *   it at 1,536 characters"); claude-skills-doctor on PyPI says the same.
 * - the whole listing gets 1 % of the context window (`skillListingBudgetFraction` 0.01) at
 *   about 4 characters a token: 200,000 × 4 × 0.01 = 8,000 characters on a 200k model, past
 *   which descriptions are dropped and only names stay: anthropics/claude-code#64606.
 */
export const SKILL_ENTRY_CAP = 1536;
export const SKILL_LISTING_BUDGET = 8000;

const isSkill = (a: AgentSpec) => a.kind === "skill";

/** What Claude Code lists for a skill: the description, then ` - when_to_use` when set. */
export function skillListingText(skill: AgentSpec): string {
  return skill.whenToUse === undefined ? skill.description : `${skill.description} - ${skill.whenToUse}`;
}

/** A skill whose description and when_to_use pass the per-entry cap lose their tail. */
export const checkSkillEntryCap: LintRule = (agents) =>
  agents.filter(isSkill).flatMap((s) => {
    const length = [...skillListingText(s)].length;
    if (length <= SKILL_ENTRY_CAP) return [];
    return [
      makeDiagnostic(s.file, s.descriptionLine, "warning", "skill-entry-truncated",
        `description${s.whenToUse === undefined ? "" : " + when_to_use"} is ${length} characters; Claude Code lists the first ${SKILL_ENTRY_CAP} and drops the last ${length - SKILL_ENTRY_CAP}`,
        "Put when to use the skill first and move detail into the SKILL.md body."),
    ];
  });

/**
 * All skill entries together past the listing budget: Claude Code then drops descriptions
 * (names stay), so a skill can no longer be matched by what it is for.
 */
export const checkSkillListingBudget: LintRule = (agents, options) => {
  const skills = agents.filter(isSkill);
  // "- name: text" per entry, each entry capped, as the listing shows them.
  const total = skills.reduce((sum, s) => sum + s.name.length + 4 + Math.min(SKILL_ENTRY_CAP, [...skillListingText(s)].length), 0);
  if (total <= options.skillListingBudget) return [];
  const longest = [...skills].sort((a, b) => skillListingText(b).length - skillListingText(a).length || (a.name < b.name ? -1 : 1))[0]!;
  return [
    makeDiagnostic(longest.file, longest.descriptionLine, "warning", "skill-listing-over-budget",
      `the ${skills.length} skills' listing is ${total} characters, over Claude Code's budget of about ${options.skillListingBudget} (1% of a 200k context); past it, descriptions are dropped and skills are chosen by name alone. Longest: "${longest.name}" (${skillListingText(longest).length})`,
      "Shorten the longest descriptions, or set `disable-model-invocation: true` on skills only run by hand."),
  ];
};

/**
 * A description that only repeats the name ("Code reviewer" for code-reviewer) tells
 * Claude nothing about when to choose it.
 *
 * @example
 * isNameOnly("code-reviewer", "Code reviewer.") // true
 */
export function isNameOnly(name: string, description: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  const nameWords = new Set(words(name.split(":").pop() ?? name));
  const descWords = words(description).filter((w) => !["a", "an", "the", "agent", "skill", "for"].includes(w));
  return descWords.length > 0 && descWords.length <= nameWords.size && descWords.every((w) => nameWords.has(w));
}

export const checkNameOnlyDescription: LintRule = (agents) =>
  agents
    .filter((a) => isNameOnly(a.name, a.description))
    .map((a) => makeDiagnostic(a.file, a.descriptionLine, "warning", "name-only-description",
      `description "${a.description}" only repeats the name; Claude Code has nothing to match a request against`,
      'Say when to use it: "Use when …", with the words users type.'));
