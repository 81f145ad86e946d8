import path from "node:path";
import { AgentRouteError } from "../errors.js";
import { openRegularFile } from "../util/safe-read.js";

/** What an input is, for messages: "dataset", "batch file", "dispatch log". */
export interface InputKind {
  what: string;
  /** Hint when the file cannot be read, e.g. "Check the --dataset path." */
  hint: string;
  /** Hint when it is over the byte limit. */
  limitHint: string;
}

/**
 * Reads a whole input file (or stdin for "-") in chunks, checking the byte limit as it reads:
 * a runaway input stops with LIMIT_EXCEEDED at the limit, never after it has been read, and
 * whatever the source (a pipe or a special file reports no size up front). Every error names
 * the file (`label`) and says what to do.
 *
 * @example
 * const bytes = await readInput("datasets/x.csv", "datasets/x.csv", 1 << 20, DATASET_INPUT);
 */
export async function readInput(
  source: string,
  label: string,
  maxBytes: number,
  kind: InputKind,
  stdin?: NodeJS.ReadableStream,
): Promise<Buffer> {
  const stream = source === "-" && stdin ? stdin : await openFile(source, label, kind);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += bytes.length;
      if (size > maxBytes) {
        throw new AgentRouteError("LIMIT_EXCEEDED", `${label}: over ${maxBytes} bytes (the ${kind.what} limit)`, {
          hint: kind.limitHint,
          file: label,
        });
      }
      chunks.push(bytes);
    }
  } catch (err) {
    if (err instanceof AgentRouteError) throw err;
    throw cannotRead(err as NodeJS.ErrnoException, label, kind);
  } finally {
    if ("destroy" in stream && source !== "-") (stream as NodeJS.ReadStream).destroy();
  }
  return Buffer.concat(chunks, size);
}

/** Opens a regular file only: FIFOs, devices, sockets and /proc files are refused (see safe-read). */
async function openFile(source: string, label: string, kind: InputKind): Promise<NodeJS.ReadableStream> {
  const handle = await openRegularFile(source, {
    label,
    what: kind.what,
    hint: kind.hint,
    kindCode: "DATASET_INVALID",
  });
  return handle.createReadStream();
}

function cannotRead(err: NodeJS.ErrnoException, label: string, kind: InputKind): AgentRouteError {
  return new AgentRouteError(
    err.code === "ENOENT" ? "NOT_FOUND" : "IO",
    `${label}: cannot read the ${kind.what} (${err.code ?? err.message})`,
    { hint: kind.hint, file: label, cause: err },
  );
}

/** The input formats the readers know. */
export type InputFormat = "csv" | "jsonl" | "text";

/**
 * An input's format: from the extension (.csv; .jsonl/.ndjson), else sniffed (a first
 * character `{` means JSONL), else `fallback`.
 *
 * @example
 * detectInputFormat("x.txt", '{"prompt": "a"}', "text") // "jsonl"
 * detectInputFormat("x.txt", "a prompt", "text")        // "text"
 */
export function detectInputFormat<F extends InputFormat>(file: string, text: string, fallback: F): InputFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  return text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "jsonl"
    : fallback;
}
