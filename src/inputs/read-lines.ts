import { streamRegularFile, type ReadWhat } from "../util/safe-read.js";

/** One line of a file: its text, or `null` when it was longer than the limit and skipped. */
export interface FileLine {
  /** 1-based line number. */
  line: number;
  text: string | null;
  /** True for the last line when the file does not end with a newline (maybe truncated). */
  unterminated: boolean;
}

const NEWLINE = 0x0a;

/**
 * Streams the lines of a file in bounded memory: at most `maxLineBytes` of one line are held,
 * a longer line is dropped as it streams past and reported with `text: null`. (readline keeps
 * a whole line in memory however long it is, so one runaway line could exhaust the heap.)
 * Strips a UTF-8 BOM at the start and a `\r` before each newline; decodes lines as UTF-8.
 * Only a regular file is read (a FIFO or device is refused), at most `maxTotalBytes` in all.
 *
 * @example
 * for await (const { line, text } of readFileLines("session.jsonl", 10 * 1024 * 1024)) {
 *   if (text !== null) console.log(line, text.length);
 * }
 */
export async function* readFileLines(
  file: string,
  maxLineBytes: number,
  what: ReadWhat & { maxTotalBytes?: number } = { what: "file", hint: "Check the path." },
): AsyncGenerator<FileLine> {
  const decoder = new TextDecoder("utf-8");
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let lineNo = 1;
  const finish = (unterminated: boolean): FileLine => {
    const text = tooLong ? null : stripLineEnds(decoder.decode(Buffer.concat(parts, size)), lineNo);
    const out = { line: lineNo, text, unterminated };
    parts = [];
    size = 0;
    tooLong = false;
    lineNo += 1;
    return out;
  };
  for await (const chunk of streamRegularFile(file, what.maxTotalBytes ?? Number.MAX_SAFE_INTEGER, what)) {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!tooLong) {
        if (size + end - start > maxLineBytes) {
          tooLong = true;
          parts = [];
          size = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (nl === -1) break;
      yield finish(false);
      start = nl + 1;
    }
  }
  if (size > 0 || tooLong) yield finish(true);
}

function stripLineEnds(text: string, lineNo: number): string {
  let out = text.endsWith("\r") ? text.slice(0, -1) : text;
  if (lineNo === 1 && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
  return out;
}
