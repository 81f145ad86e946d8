/**
 * Size limits for reading agent folders. Agent files arrive in pull requests, so every
 * read is bounded: a hostile or accidental giant file gives a diagnostic, not a stall.
 */
export interface AgentLimits {
  /** Bytes per agent file. Real agents are 1–40 KiB; 1 MiB leaves a wide margin. */
  maxFileBytes: number;
  /** Characters of frontmatter. The longest real description is under 2 KiB. */
  maxFrontmatterChars: number;
  /** Values visited when copying parsed YAML; YAML aliases past this count are a bomb. */
  maxYamlNodes: number;
  /** Agent files per folder; more is almost certainly the wrong folder (e.g. a home dir). */
  maxFiles: number;
  /** Folder depth below the root; deeper trees are skipped with a diagnostic. */
  maxDepth: number;
}

/**
 * The default limits.
 *
 * @example
 * await loadAgents("agents", { limits: { maxFileBytes: 256 * 1024 } });
 */
export const AGENT_LIMITS: Readonly<AgentLimits> = Object.freeze({
  maxFileBytes: 1024 * 1024,
  maxFrontmatterChars: 64 * 1024,
  maxYamlNodes: 10_000,
  maxFiles: 5000,
  maxDepth: 12,
});

/** Fills in the limits a caller left out. */
export function resolveLimits(partial?: Partial<AgentLimits>): AgentLimits {
  return { ...AGENT_LIMITS, ...(partial ?? {}) };
}
