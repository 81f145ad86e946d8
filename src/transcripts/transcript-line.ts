import { normalizeAgentName } from "../agents/names.js";

/** What one transcript line means for the dispatch log. */
export type LineEvent =
  | { kind: "prompt"; text: string; session: string | null; timestamp: string; version: string; uuid: string | null }
  | { kind: "dispatch"; session: string | null; calls: DispatchCall[] }
  /** A subagent's result: `toolUseResult.agentType` / `agentId` answer a call that named no type. */
  | { kind: "agent-result"; toolUseId: string; agentType: string | null; agentId: string | null }
  | { kind: "skip"; reason: string }
  | { kind: "other" };

export interface DispatchCall {
  /** tool_use id, to count a call once when a resumed session repeats it. */
  id: string | null;
  /** Normalised subagent type or skill name (`superpowers:writing-plans`), or null when the call names none. */
  agent: string | null;
  /** A subagent (`Agent`/`Task` tool) or a skill (`Skill` tool). */
  kind: "agent" | "skill";
}

/** The subagent tool: `Agent` in current Claude Code, `Task` in versions before 2.1.x. */
const SUBAGENT_TOOLS = new Set(["Agent", "Task"]);
/** The tool the model calls to load a skill: `input.skill` names it, plugin skills as `plugin:skill`. */
const SKILL_TOOL = "Skill";

/** Wrappers Claude Code writes around what is not a typed request (local command output, `!` bash mode…). */
const OUTPUT_WRAPPERS =
  /^<(local-command-stdout|local-command-stderr|local-command-caveat|bash-input|bash-stdout|bash-stderr|user-memory-input|task-notification)>/;
const COMMAND_WRAPPER = /^<(command-name|command-message|command-args)>/;
const INTERRUPTED = /^\[Request interrupted by user/;
/** Compaction summaries written by versions without the `isCompactSummary` flag. */
const CONTINUED = /^This session is being continued from a previous conversation/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/**
 * Reads one parsed transcript line: a prompt the user typed, the subagent calls of an
 * assistant message, or a line skipped for a named reason. Sidechain lines (a subagent's own
 * conversation) never count, whatever they contain.
 *
 * @example
 * readTranscriptLine({ type: "user", sessionId: "s1", message: { content: "fix the build" } })
 * // { kind: "prompt", text: "fix the build", session: "s1", … }
 */
export function readTranscriptLine(entry: Json): LineEvent {
  if (entry.isSidechain === true) return { kind: "skip", reason: "sidechain" };
  const message = isObject(entry.message) ? entry.message : null;
  if (entry.type === "assistant") return readAssistant(entry, message);
  if (entry.type !== "user") return { kind: "other" };
  if (entry.isMeta === true) return { kind: "skip", reason: "meta" };
  if (entry.isCompactSummary === true) return { kind: "skip", reason: "compact-summary" };
  if (entry.isVisibleInTranscriptOnly === true) return { kind: "skip", reason: "transcript-only" };
  if (entry.toolUseResult !== undefined && entry.toolUseResult !== null) return readToolResult(entry, message);
  const content = message?.content;
  const text = typeof content === "string" ? content : textOfBlocks(content);
  if (text === "tool-result") return { kind: "skip", reason: "tool-result" };
  const typed = typedText(text?.trim() ?? "");
  if (typeof typed !== "string") return typed;
  return {
    kind: "prompt",
    text: typed,
    session: str(entry.sessionId),
    timestamp: str(entry.timestamp) ?? "",
    version: str(entry.version) ?? "",
    uuid: str(entry.uuid),
  };
}

/** The text blocks of a content array, joined; "tool-result" when it answers a tool call. */
function textOfBlocks(content: unknown): string | null {
  if (!Array.isArray(content)) return null;
  const texts: string[] = [];
  for (const block of content) {
    if (!isObject(block)) continue;
    if (block.type === "tool_result") return "tool-result";
    if (block.type === "text" && typeof block.text === "string") texts.push(block.text);
  }
  return texts.length === 0 ? null : texts.join("\n");
}

/**
 * The prompt a user line stands for, or why it is none. A slash command counts when it has
 * arguments, in the literal form the user typed and the UserPromptSubmit hook receives
 * ("/orchestrator update CLAUDE.md"); a bare command ("/clear") asks no agent for anything.
 */
function typedText(text: string): string | { kind: "skip"; reason: string } {
  if (text === "") return { kind: "skip", reason: "empty" };
  if (OUTPUT_WRAPPERS.test(text)) return { kind: "skip", reason: "command-output" };
  if (INTERRUPTED.test(text)) return { kind: "skip", reason: "interrupted" };
  if (CONTINUED.test(text)) return { kind: "skip", reason: "compact-summary" };
  if (!COMMAND_WRAPPER.test(text)) return text;
  const name = /<command-name>([\s\S]*?)<\/command-name>/.exec(text)?.[1]?.trim() ?? "";
  const args = /<command-args>([\s\S]*?)<\/command-args>/.exec(text)?.[1]?.trim() ?? "";
  if (name === "" || args === "") return { kind: "skip", reason: "command-without-args" };
  return `${name.startsWith("/") ? name : `/${name}`} ${args}`;
}

/**
 * A tool result: for a subagent, `toolUseResult.agentType` (2.1.x) or `agentId` (whose
 * `agent-<id>.meta.json` sidecar may say the type) answers a call that named no type.
 */
function readToolResult(entry: Json, message: Json | null): LineEvent {
  const result = entry.toolUseResult;
  const content = message?.content;
  const block = Array.isArray(content) ? content.find((b) => isObject(b) && b.type === "tool_result") : undefined;
  const toolUseId = isObject(block) ? str(block.tool_use_id) : null;
  if (!isObject(result) || toolUseId === null || (result.agentType === undefined && result.agentId === undefined))
    return { kind: "skip", reason: "tool-result" };
  return { kind: "agent-result", toolUseId, agentType: str(result.agentType), agentId: str(result.agentId) };
}

function readAssistant(entry: Json, message: Json | null): LineEvent {
  const content = message?.content;
  if (!Array.isArray(content)) return { kind: "other" };
  const calls: DispatchCall[] = [];
  for (const block of content) {
    if (!isObject(block) || block.type !== "tool_use") continue;
    const tool = String(block.name);
    const kind = tool === SKILL_TOOL ? "skill" : SUBAGENT_TOOLS.has(tool) ? "agent" : null;
    if (kind === null) continue;
    const input = isObject(block.input) ? block.input : {};
    const name = str(kind === "skill" ? input.skill : input.subagent_type);
    calls.push({
      id: str(block.id),
      agent: name === null || name.trim() === "" ? null : normalizeAgentName(name),
      kind,
    });
  }
  return calls.length === 0 ? { kind: "other" } : { kind: "dispatch", session: str(entry.sessionId), calls };
}
