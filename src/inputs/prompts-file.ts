import { parse } from "csv-parse/sync";
import { AgentRouteError } from "../errors.js";
import { DATASET_LIMITS } from "./dataset-limits.js";
import { detectInputFormat, readInput, type InputFormat, type InputKind } from "./read-input.js";

/** Most prompts one batch file may hold. */
export const MAX_BATCH_PROMPTS = 1_000_000;

/**
 * Prompts from a batch file, in order: JSONL (`{"prompt": …}` per line), CSV with a
 * `prompt` column, or plain text (one prompt per non-empty line). The format comes from the
 * extension (.jsonl/.ndjson, .csv), else from the first line.
 *
 * @example parsePromptsText("a\n\nb\n", "p.txt") // ["a", "b"]
 */
export function parsePromptsText(text: string, file: string): string[] {
  // A BOM and CRLF line ends are harmless: the same prompts come out either way.
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const prompts = PROMPT_READERS[detectInputFormat(file, body, "text")](body, file);
  if (prompts.length > MAX_BATCH_PROMPTS) {
    throw new AgentRouteError(
      "LIMIT_EXCEEDED",
      `${file}: ${prompts.length} prompts, over the limit of ${MAX_BATCH_PROMPTS}`,
      {
        hint: "Split the file into smaller batches.",
        file,
      },
    );
  }
  return prompts;
}

/** The batch file as an input: what messages call it and what they advise. */
const BATCH_INPUT: InputKind = {
  what: "batch file",
  hint: "Check the --batch path (use - for stdin).",
  limitHint: "Split the file into smaller batches.",
};

/** A prompt reader per format: the file's text in, its prompts in order out. */
const PROMPT_READERS = {
  jsonl: fromJsonl,
  csv: fromCsv,
  text: (body: string) => fromText(body),
} satisfies Record<InputFormat, (body: string, file: string) => string[]>;

/**
 * Reads a batch file, or stdin when `file` is "-", through the one input reader (the byte
 * limit is checked while reading).
 */
export async function readPromptsFile(file: string, stdin: NodeJS.ReadableStream): Promise<string[]> {
  const label = file === "-" ? "stdin" : file;
  const bytes = await readInput(file, label, DATASET_LIMITS.maxBytes, BATCH_INPUT, stdin);
  return parsePromptsText(bytes.toString("utf8"), label);
}

function fromText(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function fromJsonl(body: string, file: string): string[] {
  const out: string[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new AgentRouteError("DATASET_INVALID", `${file}:${i + 1}: not valid JSON (${(err as Error).message})`, {
        hint: 'Each line must be an object like {"prompt": "…"}.',
        file,
        line: i + 1,
      });
    }
    const prompt = (value as { prompt?: unknown } | null)?.prompt;
    if (typeof prompt !== "string" || prompt.trim() === "") {
      throw new AgentRouteError("DATASET_INVALID", `${file}:${i + 1}: no "prompt" string`, {
        hint: 'Each line must be an object like {"prompt": "…"}.',
        file,
        line: i + 1,
      });
    }
    out.push(prompt);
  });
  return out;
}

function fromCsv(body: string, file: string): string[] {
  let records: Record<string, string>[];
  try {
    records = parse(body, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new AgentRouteError(
      "DATASET_INVALID",
      `${file}${e.lines ? `:${e.lines}` : ""}: malformed CSV (${e.message})`,
      { hint: "Quote fields that contain commas, quotes or newlines.", file, line: e.lines },
    );
  }
  if (records.length > 0 && !Object.hasOwn(records[0]!, "prompt")) {
    throw new AgentRouteError(
      "DATASET_INVALID",
      `${file}: no "prompt" column (columns: ${Object.keys(records[0]!).join(", ")})`,
      { hint: "Name the column holding the prompts `prompt`.", file, line: 1 },
    );
  }
  return records.map((r) => r.prompt ?? "").filter((p) => p.trim().length > 0);
}
