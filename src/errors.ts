/**
 * The one error class of agentroute. Every failure a user can cause (bad file, bad flag,
 * bad dataset) is an AgentRouteError with a code, a one-line message and a hint saying
 * what to do. The CLI entry turns it into exit code 2 and a two-line message; anything
 * else reaching the entry is a bug and is reported as such.
 *
 * @example
 * throw new AgentRouteError("DATASET_INVALID", "datasets/x.csv:12: empty prompt", {
 *   hint: "Fill in the prompt or delete the row.", file: "datasets/x.csv", line: 12 });
 */
export type ErrorCode =
  | "USAGE"
  | "NOT_FOUND"
  | "IO"
  | "AGENT_PARSE"
  | "AGENTS_EMPTY"
  | "DATASET_INVALID"
  | "CONFIG_INVALID"
  | "BASELINE_INVALID"
  | "REPORT_INVALID"
  | "MODEL_UNAVAILABLE"
  | "CACHE_CORRUPT"
  | "TRANSCRIPT_INVALID"
  | "HOOK_INPUT"
  | "HOOK_SERVER"
  | "LIMIT_EXCEEDED";

export interface ErrorLocation {
  file?: string;
  line?: number;
}

export class AgentRouteError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: ErrorCode, message: string, options: { hint: string; cause?: unknown } & ErrorLocation) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AgentRouteError";
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    this.line = options.line;
  }

  /** "file:line: message" when a location is known, else the message. */
  get located(): string {
    if (this.file === undefined) return this.message;
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    return this.message.startsWith(where) ? this.message : `${where}: ${this.message}`;
  }
}

export function isAgentRouteError(err: unknown): err is AgentRouteError {
  return err instanceof AgentRouteError;
}
