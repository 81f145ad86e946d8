import { stat } from "node:fs/promises";
import path from "node:path";
import { readFileLines } from "../inputs/read-lines.js";
import { addCount } from "../util/own.js";
import { collectTranscriptFiles } from "./transcript-files.js";
import { readTranscriptLine, type DispatchCall } from "./transcript-line.js";
import { reportUntyped, resolveUntyped, type UntypedCall } from "./untyped-calls.js";
import type { DispatchRecord, ReadTranscriptsOptions, TranscriptProblem, TranscriptStats } from "./types.js";

const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_PROBLEMS = 1000;
/** One session file is read up to 16 GiB: far past any real session, short of a runaway. */
const TRANSCRIPT_READ = {
  what: "transcript",
  hint: "Pass Claude Code session transcripts (*.jsonl) or a folder of them.",
  maxTotalBytes: 16 * 1024 ** 3,
};

/** A dispatch log being read: iterate it for records; `stats` fills in as it goes. */
export interface DispatchStream extends AsyncIterable<DispatchRecord> {
  readonly stats: TranscriptStats;
}

/** State shared across the files of one read. */
interface ReadState {
  stats: TranscriptStats;
  options: Required<Omit<ReadTranscriptsOptions, "since">> & { since: number | null };
  /** uuids of prompts already emitted: a resumed session repeats its history in a new file. */
  seenPrompts: Set<string>;
  /** tool_use ids already counted, for the same reason. */
  seenCalls: Set<string>;
  /** Subagent calls that named no type, by tool_use id: their result (or its meta file) may. */
  untyped: Map<string, UntypedCall>;
}

/**
 * Reads Claude Code session transcripts (files, or folders walked for sessions) into a
 * dispatch log: one record per prompt the user typed, with the subagents the main session
 * started in answer to it. Streams line by line in bounded memory; a broken, truncated or
 * oversized line is counted in `stats.problems` with file and line, never fatal.
 *
 * Attribution: a dispatch belongs to the most recent typed prompt of its session in file
 * order. Claude Code appends lines as they happen, so file order is the order of the main
 * conversation; sidechain lines interleaved with it are skipped.
 *
 * @example
 * const log = streamDispatchLog(["~/.claude/projects/-work-app"], { since: new Date("2025-09-01") });
 * for await (const r of log) console.log(r.prompt, r.dispatched);
 * console.log(log.stats.prompts, log.stats.problemCount);
 */
export function streamDispatchLog(paths: readonly string[], options: ReadTranscriptsOptions = {}): DispatchStream {
  const state: ReadState = {
    stats: emptyStats(),
    options: {
      since: options.since ? options.since.getTime() : null,
      maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
      maxProblems: options.maxProblems ?? DEFAULT_MAX_PROBLEMS,
    },
    seenPrompts: new Set(),
    seenCalls: new Set(),
    untyped: new Map(),
  };
  return {
    stats: state.stats,
    async *[Symbol.asyncIterator]() {
      for (const file of await collectTranscriptFiles(paths)) {
        if (await modifiedBefore(file, state.options.since)) {
          state.stats.filesBeforeSince += 1;
          continue;
        }
        state.stats.files += 1;
        yield* readSessionFile(file, state);
      }
    },
  };
}

/**
 * Reads the whole dispatch log into memory (fine for one project's history; use
 * `streamDispatchLog` for very large ones).
 *
 * @example
 * const { records, stats } = await readDispatchLog(["session.jsonl"]);
 */
export async function readDispatchLog(
  paths: readonly string[],
  options: ReadTranscriptsOptions = {},
): Promise<{ records: DispatchRecord[]; stats: TranscriptStats }> {
  const stream = streamDispatchLog(paths, options);
  const records: DispatchRecord[] = [];
  for await (const record of stream) records.push(record);
  return { records, stats: stream.stats };
}

async function* readSessionFile(file: string, state: ReadState): AsyncGenerator<DispatchRecord> {
  const { stats } = state;
  const fallbackSession = path.basename(file, ".jsonl");
  // The open prompt of each session in this file (one, unless a file mixes sessions).
  const open = new Map<string, DispatchRecord | null>();
  for await (const { line, text, unterminated } of readFileLines(file, state.options.maxLineBytes, TRANSCRIPT_READ)) {
    stats.lines += 1;
    if (text === null) {
      addProblem(state, { file, line, reason: `line longer than ${state.options.maxLineBytes} bytes, skipped` });
      continue;
    }
    if (text.trim() === "") continue;
    const entry = parseJsonObject(text);
    if (entry === null) {
      const reason = unterminated ? "truncated last line (invalid JSON, no final newline)" : "invalid JSON";
      addProblem(state, { file, line, reason });
      continue;
    }
    const event = readTranscriptLine(entry);
    if (event.kind === "skip") addCount(stats.skipped, event.reason);
    if (event.kind === "prompt") {
      const session = event.session ?? fallbackSession;
      const previous = open.get(session);
      if (previous) yield finishRecord(previous, stats);
      open.set(session, openRecord(event, session, file, line, state));
    } else if (event.kind === "dispatch") {
      attachCalls(open, event.session ?? fallbackSession, event.calls, { file, line }, state);
    } else if (event.kind === "agent-result") {
      stats.skipped["tool-result"] = (stats.skipped["tool-result"] ?? 0) + 1;
      await resolveUntyped(event, state.untyped);
    }
  }
  for (const record of open.values()) if (record) yield finishRecord(record, stats);
  for (const problem of reportUntyped(file, state.untyped)) addProblem(state, problem);
}

function openRecord(
  event: Extract<ReturnType<typeof readTranscriptLine>, { kind: "prompt" }>,
  session: string,
  file: string,
  line: number,
  state: ReadState,
): DispatchRecord | null {
  // null keeps the session open so its dispatches are not pinned on an earlier prompt.
  if (event.uuid !== null) {
    if (state.seenPrompts.has(event.uuid)) {
      state.stats.duplicatePrompts += 1;
      return null;
    }
    state.seenPrompts.add(event.uuid);
  }
  const since = state.options.since;
  if (since !== null && !(Date.parse(event.timestamp) >= since)) {
    state.stats.beforeSince += 1;
    return null;
  }
  const { text: prompt, timestamp, version } = event;
  return { prompt, dispatched: [], skills: [], session, timestamp, version, file, line };
}

function attachCalls(
  open: Map<string, DispatchRecord | null>,
  session: string,
  calls: DispatchCall[],
  where: { file: string; line: number },
  state: ReadState,
): void {
  if (!open.has(session)) {
    state.stats.orphanDispatches += calls.length;
    addProblem(state, {
      ...where,
      reason: `${calls.length} subagent call(s) before any typed prompt of session ${session}`,
    });
    return;
  }
  const record = open.get(session);
  for (const call of calls) {
    if (call.id !== null) {
      if (state.seenCalls.has(call.id)) continue;
      state.seenCalls.add(call.id);
    }
    if (call.agent === null && call.kind === "agent" && call.id !== null)
      state.untyped.set(call.id, { record: record ?? null, ...where, session });
    else if (call.agent === null)
      addProblem(state, {
        ...where,
        reason: `${call.kind === "skill" ? "Skill call without skill" : "subagent call without subagent_type"}, not counted`,
      });
    else if (record) (call.kind === "skill" ? record.skills : record.dispatched).push(call.agent);
  }
}

function finishRecord(record: DispatchRecord, stats: TranscriptStats): DispatchRecord {
  stats.prompts += 1;
  if (record.dispatched.length > 0) stats.promptsWithDispatch += 1;
  for (const agent of record.dispatched) addCount(stats.perAgent, agent);
  if (record.skills.length > 0) stats.promptsWithSkill += 1;
  for (const skill of record.skills) addCount(stats.perSkill, skill);
  return record;
}

/**
 * True when the file was last written before `since`: Claude Code only appends, so no line in
 * it can be newer, and a long history is not read at all for a recent --since.
 */
async function modifiedBefore(file: string, since: number | null): Promise<boolean> {
  if (since === null) return false;
  const info = await stat(file).catch(() => null);
  return info !== null && info.mtimeMs < since;
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function addProblem(state: ReadState, problem: TranscriptProblem): void {
  state.stats.problemCount += 1;
  if (state.stats.problems.length < state.options.maxProblems) state.stats.problems.push(problem);
}

function emptyStats(): TranscriptStats {
  return {
    files: 0,
    filesBeforeSince: 0,
    lines: 0,
    prompts: 0,
    promptsWithDispatch: 0,
    perAgent: {},
    perSkill: {},
    promptsWithSkill: 0,
    skipped: {},
    orphanDispatches: 0,
    duplicatePrompts: 0,
    beforeSince: 0,
    problemCount: 0,
    problems: [],
  };
}
