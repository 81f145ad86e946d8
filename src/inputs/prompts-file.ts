import { parse } from "csv-parse/sync";
import { AgentRouteError } from "../errors.js";
import { formatBytes, readRegularFile } from "../util/safe-read.js";
import { DATASET_LIMITS } from "./dataset-limits.js";

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
  const first = body.split(/\r?\n/, 1)[0]?.trim() ?? "";
  const format =
    /\.(jsonl|ndjson)$/i.test(file) || first.startsWith("{") ? "jsonl" : /\.csv$/i.test(file) ? "csv" : "text";
  const prompts = format === "jsonl" ? fromJsonl(body, file) : format === "csv" ? fromCsv(body, file) : fromText(body);
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

/** Reads a batch file, or stdin when `file` is "-"; either is capped at the dataset byte limit while read. */
export async function readPromptsFile(file: string, stdin: NodeJS.ReadableStream): Promise<string[]> {
  const bytes =
    file === "-"
      ? await readStream(stdin, DATASET_LIMITS.maxBytes)
      : await readRegularFile(file, DATASET_LIMITS.maxBytes, {
          what: "batch file",
          hint: "Check the --batch path (use - for stdin).",
        });
  return parsePromptsText(bytes.toString("utf8"), file === "-" ? "stdin" : file);
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

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += bytes.length;
    if (total > maxBytes) {
      throw new AgentRouteError("LIMIT_EXCEEDED", `stdin: the batch is over ${formatBytes(maxBytes)} (the limit)`, {
        hint: "Split the prompts into smaller batches.",
        file: "stdin",
      });
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
