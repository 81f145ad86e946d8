import path from "node:path";
import { readAgentBytes } from "../agents/load/load.js";
import { normalizeAgentName } from "../agents/names.js";
import type { readTranscriptLine } from "./transcript-line.js";
import type { DispatchRecord, TranscriptProblem } from "./types.js";

/** A meta sidecar is a few hundred bytes; anything past 64 KiB is not one. */
const MAX_META_BYTES = 64 * 1024;

/** A subagent call that named no type, waiting for its result (by tool_use id). */
export interface UntypedCall {
  record: DispatchRecord | null;
  file: string;
  line: number;
  session: string;
}

/**
 * Names the type of a subagent call that gave none: from its result's `agentType`, else from
 * the `<session>/subagents/agent-<id>.meta.json` sidecar beside the transcript (`agentType`).
 */
export async function resolveUntyped(
  event: Extract<ReturnType<typeof readTranscriptLine>, { kind: "agent-result" }>,
  untyped: Map<string, UntypedCall>,
): Promise<void> {
  const pending = untyped.get(event.toolUseId);
  if (pending === undefined) return;
  const type = event.agentType ?? (event.agentId === null ? null : await readMetaType(pending, event.agentId));
  if (type === null) return;
  untyped.delete(event.toolUseId);
  pending.record?.dispatched.push(normalizeAgentName(type));
}

async function readMetaType(pending: { file: string; session: string }, agentId: string): Promise<string | null> {
  if (!/^[\w-]+$/.test(agentId)) return null;
  const meta = path.join(path.dirname(pending.file), pending.session, "subagents", `agent-${agentId}.meta.json`);
  const read = await readAgentBytes(meta, meta, MAX_META_BYTES);
  if (read.diagnostic) return null;
  try {
    const value = JSON.parse(Buffer.from(read.bytes).toString("utf8")) as { agentType?: unknown };
    return typeof value.agentType === "string" && value.agentType.trim() !== "" ? value.agentType : null;
  } catch {
    return null;
  }
}

/** Calls whose type no result or meta file named are problems, as before. */
export function reportUntyped(file: string, untyped: Map<string, UntypedCall>): TranscriptProblem[] {
  const problems: TranscriptProblem[] = [];
  for (const [id, pending] of untyped) {
    if (pending.file !== file) continue;
    untyped.delete(id);
    problems.push({ file, line: pending.line, reason: "subagent call without subagent_type, not counted" });
  }
  return problems;
}
