import { createHash } from "node:crypto";
import { addCount } from "../util/own.js";
import { z } from "zod";
import { readInput, type InputKind } from "../inputs/read-input.js";
import { AgentRouteError } from "../errors.js";
import { DATASET_LIMITS } from "../inputs/dataset-limits.js";
import { normalizeAgentName } from "../agents/names.js";
import { compareNames } from "../eval/labels.js";
import type { Dataset, DatasetRow, SkippedRow } from "../eval/types.js";
import { BUILT_IN_AGENTS } from "./agent-name.js";

/** One dispatch log line as `agentroute transcripts` writes it (extra fields are allowed). */
const DispatchLogLineSchema = z.looseObject({
  prompt: z.string(),
  dispatched: z.array(z.string()),
  skills: z.array(z.string()).optional(),
  session: z.string(),
  timestamp: z.string().optional(),
  version: z.string().optional(),
});

/** A dispatch log turned into a labeled dataset, and what could not be labeled with the set. */
export interface DispatchDataset {
  dataset: Dataset;
  /** Dispatches to Claude Code's built-in agents (general-purpose, explore, plan…), by name. */
  builtIn: Record<string, number>;
  /** Dispatches to other agents the set does not have, by name. */
  notInSet: Record<string, number>;
  /** The raw dispatched names of each row (same order as `dataset.rows`), for `--as-dataset`. */
  dispatched: string[][];
}

/**
 * Reads a dispatch log (JSONL from `agentroute transcripts`) as a labeled dataset: `expected`
 * is what Claude Code actually dispatched, mapped onto the agent set (normalised names,
 * repeats once). A dispatch to an agent outside the set (a built-in like general-purpose,
 * or an agent since removed) cannot be scored against the router, so it counts as none and
 * is reported in `builtIn` / `notInSet`. Tags: `{ source: "transcript", session }`.
 * Empty and repeated prompts are skipped with why, as `readDataset` does.
 *
 * @example
 * const { dataset, builtIn } = await readDispatchDataset("dispatch.jsonl", { agentNames: router.agentNames });
 * const report = await runEval(router, dataset, meta); // summary.accuracy = agreement with Claude
 */
export async function readDispatchDataset(
  file: string,
  options: { agentNames: readonly string[] },
): Promise<DispatchDataset> {
  const bytes = await readInput(file, file, DATASET_LIMITS.maxBytes, DISPATCH_LOG_INPUT);
  const canonical = new Map(options.agentNames.map((name) => [normalizeAgentName(name), name]));
  const result: DispatchDataset = { dataset: emptyDataset(file, bytes), builtIn: {}, notInSet: {}, dispatched: [] };
  const firstLine = new Map<string, number>();
  const lines = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  for (const [index, text] of lines.entries()) {
    if (text.trim() === "") continue;
    const line = index + 1;
    const entry = parseLogLine(text, file, line);
    result.dataset.read += 1;
    const prompt = entry.prompt.trim();
    const skip = skipReason(prompt, firstLine.get(prompt));
    if (skip !== null) {
      result.dataset.skipped.push({ line, reason: skip });
      continue;
    }
    firstLine.set(prompt, line);
    // A skill the model loaded is a choice like a dispatch: labels name either.
    const chosen = [...entry.dispatched, ...(entry.skills ?? [])];
    const expected = mapDispatched(chosen, canonical, result);
    const row: DatasetRow = { prompt, expected, tags: { source: "transcript", session: entry.session }, line };
    result.dataset.rows.push(row);
    result.dispatched.push(chosen.map(normalizeAgentName));
  }
  return result;
}

/**
 * One line saying how dispatches outside the agent set were treated, or "" when there were none.
 *
 * @example
 * describeOutsideDispatches({ builtIn: { "general-purpose": 10, explore: 2 }, notInSet: {} })
 * // "12 dispatches to built-in agents not in the set (general-purpose 10, explore 2) treated as none"
 */
export function describeOutsideDispatches(counts: Pick<DispatchDataset, "builtIn" | "notInSet">): string {
  const parts: string[] = [];
  const describe = (byName: Record<string, number>, what: string) => {
    const entries = Object.entries(byName).sort(([a, x], [b, y]) => y - x || compareNames(a, b));
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    if (total === 0) return;
    const list = entries.map(([name, n]) => `${name} ${n}`).join(", ");
    parts.push(`${total} dispatch${total === 1 ? "" : "es"} to ${what} (${list}) treated as none`);
  };
  describe(counts.builtIn, "built-in agents not in the set");
  describe(counts.notInSet, "agents not in the set");
  return parts.join("; ");
}

function mapDispatched(dispatched: string[], canonical: Map<string, string>, result: DispatchDataset): string[] {
  const expected: string[] = [];
  for (const raw of dispatched) {
    const key = normalizeAgentName(raw);
    const name = canonical.get(key);
    if (name !== undefined) {
      if (!expected.includes(name)) expected.push(name);
      continue;
    }
    const bucket = BUILT_IN_AGENTS.has(key) ? result.builtIn : result.notInSet;
    addCount(bucket, key);
  }
  return expected;
}

function skipReason(prompt: string, seenAt: number | undefined): string | null {
  if (prompt === "") return "empty prompt";
  if (seenAt !== undefined) return `duplicate prompt (first on line ${seenAt})`;
  if (prompt.length > DATASET_LIMITS.maxPromptChars)
    return `prompt longer than ${DATASET_LIMITS.maxPromptChars} characters`;
  return null;
}

function parseLogLine(text: string, file: string, line: number): z.infer<typeof DispatchLogLineSchema> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw logError(file, line, "not JSON");
  }
  const parsed = DispatchLogLineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw logError(file, line, `${issue.path.join(".") || "line"}: ${issue.message}`);
  }
  return parsed.data;
}

function logError(file: string, line: number, what: string): AgentRouteError {
  return new AgentRouteError("TRANSCRIPT_INVALID", `${file}:${line}: not a dispatch log line (${what})`, {
    hint: 'Each line must be {"prompt": "…", "dispatched": ["agent", …], "session": "…"}; make the log with `agentroute transcripts --out FILE`.',
    file,
    line,
  });
}

/** The dispatch log as an input: what messages call it and what they advise. */
const DISPATCH_LOG_INPUT: InputKind = {
  what: "dispatch log",
  hint: "Check the --dispatch-log path; make one with `agentroute transcripts --out FILE`.",
  limitHint: "Read fewer sessions (transcripts --since DATE) or split the log.",
};

function emptyDataset(file: string, bytes: Buffer): Dataset {
  const skipped: SkippedRow[] = [];
  return {
    path: file,
    hash: createHash("sha256").update(bytes).digest("hex"),
    format: "jsonl",
    rows: [],
    skipped,
    read: 0,
  };
}
