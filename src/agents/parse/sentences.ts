/** A slice of a text with the offset it starts at. */
export interface TextSpan {
  text: string;
  index: number;
}

// A sentence ends at . ! or ? followed by space and a capital, quote or bracket, or at a blank
// line or a new bullet line; "e.g." and "vs." never end one.
const BOUNDARY = /(?<!\b(?:e\.g|i\.e|etc|vs|approx|incl|cf|eg|ie))[.!?](?=\s+["'“‘(<A-Z0-9])|[.!?]?\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)/g;

/**
 * Splits text into sentences, keeping each one's start offset (for line numbers) and
 * dropping the final period. Inner whitespace is kept so offsets stay exact; see {@link collapseSpace}.
 *
 * @example
 * splitSentences("MUST BE USED for X. Use PROACTIVELY for Y.")
 * // [{ text: "MUST BE USED for X", index: 0 }, { text: "Use PROACTIVELY for Y", index: 20 }]
 */
export function splitSentences(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const clean = trimEndWhile(raw.trim(), /[.!?]/).trimEnd();
    if (/[\p{L}\p{N}]/u.test(clean)) out.push({ text: clean, index: start + lead });
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + (match[0].startsWith("\n") ? 0 : 1);
    push(end);
    start = match.index + match[0].length;
  }
  push(text.length);
  return out;
}

/** Joins the lines of a multi-line phrase: any run of whitespace becomes one space. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Drops trailing characters matching `char` (a one-character class) in linear time. A regex
 * like `/[.!?]+$/` retries from every position of a long run that does not reach the end, so
 * 60 KiB of dots or spaces in a description took seconds.
 *
 * @example
 * trimEndWhile("done...", /[.!?]/) // "done"
 */
export function trimEndWhile(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
