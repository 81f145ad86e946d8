import { createHash } from "node:crypto";
import path from "node:path";
import { AgentRouteError } from "../errors.js";
import { readRegularFile } from "../util/safe-read.js";
import { parseCsvRows } from "./dataset-csv.js";
import { parseJsonlRows } from "./dataset-jsonl.js";
import { DATASET_LIMITS, type RawRow } from "./dataset-limits.js";
import { createLabelResolver, suggestNames } from "../eval/labels.js";
import type { Dataset, DatasetRow, SkippedRow } from "../eval/types.js";

export interface ReadDatasetOptions {
  /** Agent names of the set under test: every label must name one of them (or none). */
  agentNames: readonly string[];
  /** How messages and `Dataset.path` name the file (e.g. relative to the working directory); default `file`. */
  label?: string;
}

/**
 * Reads a labeled dataset (CSV or JSONL), checks every label against the agent set and
 * returns the usable rows plus the skipped ones with why. Empty prompts and repeated prompts
 * are skipped and counted (BANKING77's test split repeats one prompt); unknown labels,
 * malformed rows and limits are errors naming the file and line.
 *
 * @example
 * const dataset = await readDataset("datasets/example.csv", { agentNames: router.agentNames });
 * dataset.rows[0] // { prompt: "…", expected: ["debugger"], tags: { kind: "plain" }, line: 2 }
 */
export async function readDataset(source: string, options: ReadDatasetOptions): Promise<Dataset> {
  const file = options.label ?? source;
  const bytes = await readBytes(source, file);
  const text = decodeUtf8(bytes, file);
  const format = detectFormat(source, text);
  const raw = format === "csv" ? parseCsvRows(text, file) : parseJsonlRows(text, file);
  if (raw.length > DATASET_LIMITS.maxRows) {
    throw new AgentRouteError("LIMIT_EXCEEDED", `${file}: ${raw.length} rows (limit ${DATASET_LIMITS.maxRows})`, {
      hint: "Split the dataset into smaller files.",
      file,
    });
  }
  const { rows, skipped } = validateRows(raw, file, options.agentNames);
  return {
    path: file,
    hash: createHash("sha256").update(bytes).digest("hex"),
    format,
    rows,
    skipped,
    read: raw.length,
  };
}

async function readBytes(source: string, file: string): Promise<Buffer> {
  return readRegularFile(source, DATASET_LIMITS.maxBytes, {
    label: file,
    what: "dataset",
    hint: "Pass a .csv or .jsonl file to --dataset; split larger datasets.",
    kindCode: "DATASET_INVALID",
  });
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err) {
    throw new AgentRouteError("DATASET_INVALID", `${file}: not UTF-8 text`, {
      hint: "Save the dataset as UTF-8 (CSV or JSON Lines).",
      file,
      cause: err,
    });
  }
}

/**
 * Format from the extension (.csv; .jsonl/.ndjson), else sniffed: a first character `{` means JSONL.
 *
 * @example
 * detectFormat("x.txt", '{"prompt": "a", "expected": []}') // "jsonl"
 */
export function detectFormat(file: string, text: string): Dataset["format"] {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "jsonl"
    : "csv";
}

interface UnknownLabel {
  line: number;
  label: string;
}

function validateRows(
  raw: RawRow[],
  file: string,
  agentNames: readonly string[],
): { rows: DatasetRow[]; skipped: SkippedRow[] } {
  const resolve = createLabelResolver(agentNames);
  const rows: DatasetRow[] = [];
  const skipped: SkippedRow[] = [];
  const unknown: UnknownLabel[] = [];
  const firstLine = new Map<string, number>();
  for (const row of raw) {
    const prompt = row.prompt.trim();
    checkPromptLength(prompt, file, row.line);
    const labels = resolve(row.labels);
    if (labels.noneWithAgents) {
      throw new AgentRouteError(
        "DATASET_INVALID",
        `${file}:${row.line}: expected says both "none" and ${labels.expected.join("|")}`,
        {
          hint: "Write either agent names or none (an empty expected also means none).",
          file,
          line: row.line,
        },
      );
    }
    unknown.push(...labels.unknown.map((label) => ({ line: row.line, label })));
    const seenAt = firstLine.get(prompt);
    if (prompt === "") {
      skipped.push({ line: row.line, reason: "empty prompt" });
    } else if (seenAt !== undefined) {
      skipped.push({ line: row.line, reason: `duplicate prompt (first on line ${seenAt})` });
    } else {
      firstLine.set(prompt, row.line);
      rows.push({ prompt, expected: labels.expected, tags: row.tags, line: row.line });
    }
  }
  if (unknown.length > 0) throw unknownLabelError(unknown, file, agentNames);
  return { rows, skipped };
}

function checkPromptLength(prompt: string, file: string, line: number): void {
  if (prompt.length <= DATASET_LIMITS.maxPromptChars) return;
  throw new AgentRouteError(
    "LIMIT_EXCEEDED",
    `${file}:${line}: prompt is ${prompt.length} characters (limit ${DATASET_LIMITS.maxPromptChars})`,
    {
      hint: "Shorten the prompt: routing reads what a user would type, not whole documents.",
      file,
      line,
    },
  );
}

function unknownLabelError(unknown: UnknownLabel[], file: string, agentNames: readonly string[]): AgentRouteError {
  const shown = unknown.slice(0, 20).map(({ line, label }) => {
    const near = suggestNames(label, agentNames);
    return `  line ${line}: "${label}"${near.length > 0 ? ` (did you mean ${near.join(", ")}?)` : ""}`;
  });
  const more = unknown.length > shown.length ? [`  … and ${unknown.length - shown.length} more`] : [];
  const first = unknown[0]!;
  return new AgentRouteError(
    "DATASET_INVALID",
    `${file}:${first.line}: ${unknown.length} label(s) name no agent in the set:\n${[...shown, ...more].join("\n")}`,
    {
      hint: `Use agent names from the set (${agentNames.length} agents), or none/empty for no agent.`,
      file,
      line: first.line,
    },
  );
}
