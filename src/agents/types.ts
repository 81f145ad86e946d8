/**
 * Stage 1 output: an agent file parsed into the routing cues the router reads.
 * Every cue keeps the 1-based line it came from in its file.
 * This shape is printed by `agentroute lint --json`: keep it stable (see README "JSON shapes").
 */

/** A piece of text from an agent file with the line it starts on. */
export interface SourceText {
  text: string;
  line: number;
}

/** A "When NOT to Engage" bullet and the agents it sends the work to instead. */
export interface NotEngageRule extends SourceText {
  /** Agent names mentioned as the better owner, e.g. ["api-architect", "database-admin"]. */
  redirects: string[];
}

/** One `<example>` block: what the user said and, when present, the surrounding lines. */
export interface AgentExample {
  /** The user's utterance, quotes removed. */
  user: string;
  context?: string;
  assistant?: string;
  commentary?: string;
  line: number;
}

/** What Claude Code chooses between: subagent files and Agent Skills (`SKILL.md`). */
export type AgentKind = "agent" | "skill";

/**
 * Where Claude Code finds a file: the project's `.claude/`, the user's `~/.claude/`, an
 * installed (or developed) plugin, or a folder the user named with `--agents`.
 */
export type AgentScope = "project" | "user" | "plugin" | "folder";

export interface AgentSpec {
  /**
   * The id routing and labels use: frontmatter `name` (a skill without one takes its folder's
   * name), prefixed `plugin:` for a plugin's agents and skills, as Claude Code names them.
   */
  name: string;
  /** Line of the `name:` key (for lint messages); absent when the spec was built by hand. */
  nameLine?: number;
  /** Path of the file, relative to the folder that was loaded, with `/` separators. */
  file: string;
  /** Absolute path on disk. */
  path: string;
  description: string;
  descriptionLine: number;
  tools: string[];
  model?: string;
  color?: string;
  /** Every frontmatter key as parsed (null-prototype object; `__proto__` is a plain key). */
  frontmatter: Record<string, unknown>;
  /** Quoted phrases after "Triggers on", whole ("not working", "ci/cd"). */
  triggers: SourceText[];
  /** "MUST BE USED for …" clauses. */
  mustBeUsed: SourceText[];
  /** "Use PROACTIVELY for …" clauses. */
  proactive: SourceText[];
  /** The description cut into sentences/clauses (without example blocks). */
  descriptionClauses: SourceText[];
  /** "When to Engage" bullets (and variants: "When to use", "Use this agent when"). */
  engage: SourceText[];
  /** "When NOT to Engage" bullets (and variants), with redirects. */
  notEngage: NotEngageRule[];
  /** "Core Capabilities" bullets (and variants: "Capabilities", "Expertise", "Focus Areas"). */
  capabilities: SourceText[];
  examples: AgentExample[];
  /** Absent means "agent" (specs built by hand, and everything before skills were read). */
  kind?: AgentKind;
  /** Set by discovery; absent when parsed on its own. */
  scope?: AgentScope;
  /** The plugin that ships it (its `name` is then `plugin:…`). */
  plugin?: string;
  /** A skill's `when_to_use` frontmatter (Claude Code lists it after the description). */
  whenToUse?: string;
  /** Markdown body after the frontmatter. */
  body: string;
  bodyLine: number;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  /** Stable kebab-case code, e.g. "missing-description", "unknown-redirect". */
  code: string;
  message: string;
  /** One line saying what to do. */
  hint: string;
}

/** What `loadAgents` returns: the agents that parsed, and everything worth telling the user. */
export interface AgentSet {
  /** Absolute path of the folder that was loaded. */
  root: string;
  /** Parsed agents, sorted by name. Files that failed to parse are not here but in diagnostics. */
  agents: AgentSpec[];
  diagnostics: Diagnostic[];
  /** sha256 over the sorted (file, content) pairs: changes when any agent file changes. */
  hash: string;
  /** The folders discovery read, highest priority first (absent for a single folder). */
  sources?: SetSource[];
}

/** One folder (or plugin) discovery read, and how many agents and skills it gave. */
export interface SetSource {
  scope: AgentScope;
  /** Absolute path of the folder. */
  path: string;
  plugin?: string;
  agents: number;
  skills: number;
}
