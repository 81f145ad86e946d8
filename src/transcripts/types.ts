/**
 * What the dispatch stage reads out of Claude Code transcripts and hands to eval and hook.
 * The dispatch log (`agentroute transcripts`) prints one `DispatchLogLine` per typed prompt:
 * keep it stable (see README "JSON shapes").
 */

/** One prompt the user typed, and the subagents the main session started in answer to it. */
export interface DispatchRecord {
  /** The text as typed; a slash command keeps its literal form ("/review fix the login"). */
  prompt: string;
  /** Normalised subagent types, in dispatch order, repeats kept; [] when none was started. */
  dispatched: string[];
  /** Skills the model loaded with the `Skill` tool (`superpowers:writing-plans`), in order. */
  skills: string[];
  session: string;
  /** ISO timestamp of the prompt line ("" when the line had none). */
  timestamp: string;
  /** Claude Code version that wrote the line ("" when absent). */
  version: string;
  /** Transcript file and 1-based line of the prompt. */
  file: string;
  line: number;
}

/** The JSON line `agentroute transcripts` writes for each record. */
export type DispatchLogLine = Pick<
  DispatchRecord,
  "prompt" | "dispatched" | "skills" | "session" | "timestamp" | "version"
>;

/** A line that could not be used, with why (never fatal). */
export interface TranscriptProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ReadTranscriptsOptions {
  /** Keep prompts at or after this instant. */
  since?: Date;
  /** Longest line read, in bytes; longer lines are skipped and reported. Default 10 MiB. */
  maxLineBytes?: number;
  /** Most problems kept in `stats.problems` (all are counted). Default 1000. */
  maxProblems?: number;
}

/** Counters filled while a dispatch log is read, for the summary. */
export interface TranscriptStats {
  files: number;
  /** Files not read because they were last written before `since`. */
  filesBeforeSince: number;
  lines: number;
  prompts: number;
  promptsWithDispatch: number;
  /** Dispatch count per normalised agent name. */
  perAgent: Record<string, number>;
  /** Skill calls per normalised skill name. */
  perSkill: Record<string, number>;
  promptsWithSkill: number;
  /** Lines read but not taken as prompts, by kind ("tool-result", "sidechain", "meta", …). */
  skipped: Record<string, number>;
  /** Dispatches seen before any typed prompt of their session (e.g. a trimmed transcript). */
  orphanDispatches: number;
  /** Prompts already read from another file (a resumed session copies its history). */
  duplicatePrompts: number;
  /** Prompts dropped by `since`. */
  beforeSince: number;
  problemCount: number;
  problems: TranscriptProblem[];
}
