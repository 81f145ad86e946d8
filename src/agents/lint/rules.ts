import { compareText, makeDiagnostic } from "../diagnostic.js";
import type { AgentSpec, Diagnostic } from "../types.js";

/**
 * One lint rule: reads the whole set, returns its findings. Rules are pure and independent;
 * `lint.ts` runs them all and sorts the result.
 */
export type LintRule = (agents: readonly AgentSpec[], options: LintOptions) => Diagnostic[];

export interface LintOptions {
  /**
   * Descriptions longer than this get `long-description`. 1024 characters: the Agent Skills
   * format caps a description there, and Claude Code lists every agent's description in one
   * tool prompt, where long ones crowd out the others. Real sets: vijaythecoder runs 0.8k–1.8k.
   */
  maxDescriptionChars: number;
  /** Characters of skill listing Claude Code keeps descriptions for (see skill-rules.ts). */
  skillListingBudget: number;
}

export const DEFAULT_LINT_OPTIONS: Readonly<LintOptions> = Object.freeze({ maxDescriptionChars: 1024, skillListingBudget: 8000 });

/**
 * The name as written in the file: a plugin's `plugin:name` without the plugin (and its
 * subfolders), which is what the file or a skill's folder should be called.
 */
export const localName = (agent: AgentSpec) => (agent.plugin === undefined ? agent.name : agent.name.split(":").pop()!);

/** The name a file is expected to carry: its stem, or for a SKILL.md its folder. */
function expectedName(agent: AgentSpec): { name: string; what: string } {
  const parts = agent.file.split("/");
  if (agent.kind === "skill") return { name: parts[parts.length - 2] ?? "", what: "folder" };
  return { name: (parts[parts.length - 1] ?? "").replace(/\.md$/i, ""), what: "file" };
}

const nameLine = (agent: AgentSpec) => agent.nameLine ?? Math.max(1, agent.descriptionLine - 1);

/** `name: x` in a file not called `x.md` (a skill: not in a folder `x/`): users and tools looking for it by name miss it. */
export const checkNameMatchesFile: LintRule = (agents) =>
  agents
    .filter((a) => expectedName(a).name !== "" && expectedName(a).name !== localName(a))
    .map((a) => {
      const { name, what } = expectedName(a);
      const fix = a.kind === "skill" ? `Rename the folder to ${localName(a)}/` : `Rename the file to ${localName(a)}.md`;
      return makeDiagnostic(a.file, nameLine(a), "warning", "name-mismatch",
        `${a.kind === "skill" ? "skill" : "agent"} name "${localName(a)}" differs from the ${what} name "${name}"`,
        `${fix}, or set name: ${name}.`);
    });

/** Two files with one name: only one of them can ever be routed to. */
export const checkDuplicateNames: LintRule = (agents) => {
  const byName = groupBy(agents, (a) => a.name);
  return [...byName.values()].filter((group) => group.length > 1).flatMap((group) =>
    group.map((a) => makeDiagnostic(a.file, nameLine(a), "error", "duplicate-name",
      `agent name "${a.name}" is also used by ${group.filter((o) => o !== a).map((o) => o.file).join(", ")}`,
      "Give each agent a unique name.")));
};

/** Names listed in one message; a bullet naming thousands gives one line, not thousands of copies. */
const MAX_NAMES_SHOWN = 5;
const MAX_BULLET_CHARS = 160;

/**
 * A not-engage rule that sends work to agents the set does not have: one warning per bullet,
 * its text and names capped, so the output stays linear in the file however many names a
 * bullet lists.
 */
export const checkRedirects: LintRule = (agents) => {
  // Inside a plugin, agents name each other without the plugin prefix.
  const names = new Set(agents.flatMap((a) => [a.name, localName(a)]));
  return agents.flatMap((a) =>
    a.notEngage.flatMap((rule) => {
      const unknown = rule.redirects.filter((r) => !names.has(r));
      if (unknown.length === 0) return [];
      const shown = unknown.slice(0, MAX_NAMES_SHOWN).map((r) => `"${r}"`);
      const more = unknown.length > MAX_NAMES_SHOWN ? ` and ${unknown.length - MAX_NAMES_SHOWN} more` : "";
      const list = more ? shown.join(", ") + more : shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : shown[0];
      const which = unknown.length === 1 ? "which is not an agent" : "which are not agents";
      const text = rule.text.length > MAX_BULLET_CHARS ? `${rule.text.slice(0, MAX_BULLET_CHARS)}…` : rule.text;
      return [makeDiagnostic(a.file, rule.line, "warning", "unknown-redirect", `"${text}" redirects to ${list}, ${which} in this set`,
        `Add ${unknown.length === 1 ? `an agent named ${unknown[0]}` : "those agents"}, or point the bullet at an agent that exists.`)];
    }));
};

/** One warning per trigger phrase (case-insensitive) that two or more agents claim. */
export const checkSharedTriggers: LintRule = (agents) => {
  const owners = new Map<string, { agent: AgentSpec; line: number }[]>();
  for (const agent of agents) {
    for (const trigger of agent.triggers) {
      const key = trigger.text.toLowerCase().replace(/\s+/g, " ").trim();
      const list = owners.get(key) ?? [];
      if (!list.some((o) => o.agent === agent)) list.push({ agent, line: trigger.line });
      owners.set(key, list);
    }
  }
  return [...owners.entries()].filter(([, list]) => list.length > 1).map(([phrase, unsorted]) => {
    // Reported on the alphabetically first owner, whatever order the set came in.
    const list = [...unsorted].sort((x, y) => compareText(x.agent.name, y.agent.name) || compareText(x.agent.file, y.agent.file));
    const first = list[0] as { agent: AgentSpec; line: number };
    return makeDiagnostic(first.agent.file, first.line, "warning", "shared-trigger",
      `trigger "${phrase}" is shared by ${list.map((o) => o.agent.name).join(", ")}`,
      "Keep the phrase on the agent that should win, or make each agent's phrase more specific.");
  });
};

/** Neither trigger phrases nor examples: the router has only prose to go on. */
export const checkRoutable: LintRule = (agents) =>
  agents
    // Skills are chosen by their description alone; examples are an agent convention.
    .filter((a) => a.kind !== "skill" && a.triggers.length === 0 && a.examples.length === 0)
    .map((a) => makeDiagnostic(a.file, a.descriptionLine, "info", "hard-to-route",
      `agent "${a.name}" has no "Triggers on" phrases and no <example> blocks`,
      'Add `Triggers on "…", "…"` or an <example> with a typical user request to the description.'));

/** Descriptions past the limit get cut or crowd out other agents in practice. */
export const checkDescriptionLength: LintRule = (agents, options) =>
  agents
    .filter((a) => a.description.length > options.maxDescriptionChars)
    .map((a) => makeDiagnostic(a.file, a.descriptionLine, "warning", "long-description",
      `description is ${a.description.length} characters, over ${options.maxDescriptionChars}`,
      "Move detail into the body; keep the description to when to use the agent."));

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
