import { parse } from "csv-parse/sync";
import { setOwn } from "../util/own.js";
import { unneutraliseCell } from "../util/csv-cell.js";
import { AgentRouteError } from "../errors.js";
import { splitLabels } from "../eval/labels.js";
import { DATASET_LIMITS, type RawRow } from "./dataset-limits.js";

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Parses a labeled CSV (header with `prompt` and `expected`; other columns become tags) into
 * raw rows carrying the line each row starts on. Ragged rows and broken quoting are errors
 * with their line, never dropped.
 *
 * @example
 * parseCsvRows("prompt,expected,kind\nfix the login bug,debugger,plain\n", "d.csv")
 * // [{ line: 2, prompt: "fix the login bug", labels: ["debugger"], tags: { kind: "plain" } }]
 */
export function parseCsvRows(text: string, file: string): RawRow[] {
  // csv-parse counts "\r\n" as two lines when it sniffs the delimiter, so line numbers drift
  // on Windows files; one newline style keeps them exact (the hash uses the original bytes).
  const normalized = text.replace(/\r\n?/g, "\n");
  const records = parseRecords(normalized, file);
  const [header, ...rows] = records;
  if (header === undefined) {
    throw new AgentRouteError("DATASET_INVALID", `${file}: the CSV is empty`, {
      hint: "Start the file with a header line: prompt,expected",
      file,
    });
  }
  const columns = readHeader(header.record, file);
  return rows.map((row) => toRawRow(row, columns));
}

function parseRecords(text: string, file: string): CsvRecord[] {
  try {
    return parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      max_record_size: DATASET_LIMITS.maxLineChars,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const message = err instanceof Error ? err.message : String(err);
    throw new AgentRouteError("DATASET_INVALID", `${file}${line ? `:${line}` : ""}: malformed CSV: ${message}`, {
      hint: 'Every row needs as many fields as the header; quote fields that hold commas, quotes or newlines ("a, b", "say ""hi""").',
      file,
      line,
      cause: err,
    });
  }
}

interface Columns {
  prompt: number;
  expected: number;
  tags: { name: string; index: number }[];
}

function readHeader(header: string[], file: string): Columns {
  const names = header.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "" || seen.has(name.toLowerCase())) {
      throw new AgentRouteError(
        "DATASET_INVALID",
        `${file}:1: ${name === "" ? "empty" : `duplicate "${name}"`} column name in the header`,
        {
          hint: "Give every column a distinct name; the required ones are prompt and expected.",
          file,
          line: 1,
        },
      );
    }
    seen.add(name.toLowerCase());
  }
  const prompt = names.findIndex((name) => name.toLowerCase() === "prompt");
  const expected = names.findIndex((name) => name.toLowerCase() === "expected");
  if (prompt < 0 || expected < 0) {
    throw new AgentRouteError(
      "DATASET_INVALID",
      `${file}:1: the header needs "prompt" and "expected" columns (found: ${names.join(", ")})`,
      {
        hint: "Start the file with a header line such as: prompt,expected,kind",
        file,
        line: 1,
      },
    );
  }
  const tags = names
    .map((name, index) => ({ name, index }))
    .filter((col) => col.index !== prompt && col.index !== expected);
  return { prompt, expected, tags };
}

function toRawRow(row: CsvRecord, columns: Columns): RawRow {
  // info.lines is where the record ends; quoted newlines tell how far back it started.
  const inner = row.record.reduce((sum, field) => sum + countNewlines(field), 0);
  const line = row.info.lines - inner;
  const tags: Record<string, string> = {};
  for (const tag of columns.tags) {
    const value = (row.record[tag.index] ?? "").trim();
    if (value !== "") setOwn(tags, tag.name, value);
  }
  return {
    line,
    prompt: unneutraliseCell(row.record[columns.prompt] ?? ""),
    labels: splitLabels(row.record[columns.expected] ?? ""),
    tags,
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === "\n") count++;
  return count;
}
