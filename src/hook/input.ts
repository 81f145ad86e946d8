import { AgentRouteError } from "../errors.js";
import { readStreamWithin as readWithin } from "./client.cjs";

/**
 * The UserPromptSubmit hook input Claude Code writes to stdin (other fields are kept).
 * Checked by hand, not with a schema library: the hook's fast path loads no dependency.
 */
export interface HookInput {
  prompt: string;
  cwd: string;
  session_id?: string;
  transcript_path?: string;
  hook_event_name?: string;
  [field: string]: unknown;
}

const OPTIONAL_STRINGS = ["session_id", "transcript_path", "hook_event_name"] as const;

/** Hook input larger than this is not a prompt someone typed; refuse it rather than route it. */
export const MAX_HOOK_INPUT_BYTES = 4 * 1024 * 1024;

/**
 * Parses and checks the hook's stdin. Only UserPromptSubmit events are routed.
 *
 * @example
 * parseHookInput('{"hook_event_name":"UserPromptSubmit","prompt":"fix CI","cwd":"/repo","session_id":"s1"}')
 * // { prompt: "fix CI", cwd: "/repo", session_id: "s1", hook_event_name: "UserPromptSubmit" }
 */
export function parseHookInput(text: string): HookInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw hookInputError(`stdin is not JSON (${describeStart(text)})`);
  }
  const input = checkHookInput(value);
  const event = input.hook_event_name;
  if (event !== undefined && event !== "UserPromptSubmit")
    throw hookInputError(`hook_event_name is ${JSON.stringify(event)}, expected "UserPromptSubmit"`);
  return input;
}

/** The input's shape, or a HOOK_INPUT error naming the first bad field. */
function checkHookInput(value: unknown): HookInput {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw hookInputError(`input: expected a JSON object, got ${kindOf(value)}`);
  const fields = value as Record<string, unknown>;
  if (typeof fields.prompt !== "string")
    throw hookInputError(`prompt: expected a string, got ${kindOf(fields.prompt)}`);
  if (typeof fields.cwd !== "string" || fields.cwd === "")
    throw hookInputError(`cwd: expected a non-empty string, got ${kindOf(fields.cwd)}`);
  for (const key of OPTIONAL_STRINGS) {
    if (fields[key] !== undefined && typeof fields[key] !== "string")
      throw hookInputError(`${key}: expected a string, got ${kindOf(fields[key])}`);
  }
  return { ...fields } as HookInput;
}

function kindOf(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === "") return "an empty string";
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/**
 * Reads the hook's stdin, giving up after `timeoutMs` or past `maxBytes` with a HOOK_INPUT
 * error (see readStreamWithin in client.cts).
 *
 * @example
 * const text = await readStreamWithin(process.stdin, 2000, MAX_HOOK_INPUT_BYTES);
 */
export function readStreamWithin(stream: NodeJS.ReadableStream, timeoutMs: number, maxBytes: number): Promise<string> {
  return readWithin(stream, timeoutMs, maxBytes, hookInputError);
}

/** The HOOK_INPUT error for a reason ("stdin is not JSON (…)"). */
export function hookInputError(message: string): AgentRouteError {
  return new AgentRouteError("HOOK_INPUT", `hook input: ${message}`, {
    hint: 'agentroute hook reads the UserPromptSubmit JSON that Claude Code writes to stdin ({"prompt", "cwd", "session_id", …}).',
  });
}

function describeStart(text: string): string {
  const start = text.trim().slice(0, 40);
  return start === "" ? "empty" : `starts with ${JSON.stringify(start)}`;
}
