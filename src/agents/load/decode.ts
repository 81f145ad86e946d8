import { makeDiagnostic } from "../diagnostic.js";
import type { Diagnostic } from "../types.js";

export type DecodeResult = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

/**
 * Turns raw file bytes into text the parser can trust: refuses oversized, binary (NUL)
 * and non-UTF-8 files with a diagnostic, strips a BOM and normalises CRLF/CR to LF
 * (one line break per original line break, so line numbers stay right).
 *
 * @example
 * decodeAgentBytes(Buffer.from("\uFEFF---\r\nname: a\r\n---\r\n"), "a.md", 1 << 20).text
 * // "---\nname: a\n---\n"
 */
export function decodeAgentBytes(bytes: Uint8Array, file: string, maxBytes: number): DecodeResult {
  if (bytes.byteLength > maxBytes) return { diagnostic: fileTooLarge(file, bytes.byteLength, maxBytes) };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { diagnostic: binaryFile(file, countLines(bytes, nul)) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = findInvalidUtf8(bytes);
    const line = countLines(bytes, bad);
    return { diagnostic: makeDiagnostic(file, line, "error", "invalid-utf8", `file is not valid UTF-8 (first bad byte at offset ${bad}, line ${line})`, "Re-save the file as UTF-8.") };
  }
  return { text: normaliseText(text) };
}

/** The diagnostic for a file over the size limit (sizes in bytes, or characters for text). */
export function fileTooLarge(file: string, size: number | null, max: number): Diagnostic {
  const what = size === null ? "file is" : `file is ${size} bytes,`;
  return makeDiagnostic(file, 1, "error", "file-too-large", `${what} over the ${max}-byte limit for agent files`,
    "Shorten the agent, or move reference material out of it.");
}

/** The diagnostic for a file holding a NUL byte, at the line of the first one. */
export function binaryFile(file: string, line: number): Diagnostic {
  return makeDiagnostic(file, line, "error", "binary-file", `file contains a NUL byte (line ${line}); it looks binary, not Markdown`,
    "Agent files must be UTF-8 text; remove the file or the NUL bytes.");
}

/** Strips a leading BOM and turns CRLF and lone CR into LF. */
export function normaliseText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, "\n");
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (for the diagnostic's line). */
function findInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest failing prefix; `stream` lets a valid prefix end mid-sequence.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return Math.max(0, lo - 1);
}
