/** A dataset row as read from the file, before labels are checked against the agent set. */
export interface RawRow {
  /** 1-based line where the row starts. */
  line: number;
  prompt: string;
  /** Labels as written (not yet resolved to agent names). */
  labels: string[];
  tags: Record<string, string>;
}

/**
 * Limits that turn a runaway input (a binary file, a log pasted as a dataset) into a clear
 * error instead of a hang or an out-of-memory crash.
 */
export const DATASET_LIMITS = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 1_000_000,
  maxPromptChars: 100_000,
  maxLineChars: 200_000,
} as const;
