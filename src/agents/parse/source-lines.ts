/** Maps a character offset in a parsed value (e.g. the description) to its line in the file. */
export type LineLocator = (offset: number) => number;

/** A raw source line with its 1-based file line number. */
export interface RawLine {
  text: string;
  line: number;
}

/**
 * Builds a locator for a YAML value that spans `raw` lines. YAML folds, unquotes and
 * unescapes the value, so offsets cannot be mapped by arithmetic; instead the value's words
 * are aligned in order with the raw words (a word matches the next raw word containing it,
 * looking a few words ahead), and an offset takes the line of the word it falls in.
 *
 * @example
 * const at = locateValueLines("a b\nc", [{ text: "d: |", line: 3 }, { text: "  a b", line: 4 }, { text: "  c", line: 5 }]);
 * at(4) // 5 ("c")
 */
export function locateValueLines(value: string, raw: readonly RawLine[]): LineLocator {
  const first = raw[0]?.line ?? 1;
  if (raw.length <= 1) return () => first;
  const rawWords = raw.flatMap((l) => words(l.text).map((w) => ({ word: w.word.toLowerCase(), line: l.line })));
  const starts: number[] = [];
  const lines: number[] = [];
  let cursor = 0;
  let current = first;
  for (const { word, index } of words(value)) {
    const needle = word.toLowerCase();
    for (let look = cursor; look < Math.min(rawWords.length, cursor + 6); look++) {
      const candidate = rawWords[look];
      if (candidate && candidate.word.includes(needle)) {
        cursor = look + 1;
        current = candidate.line;
        break;
      }
    }
    starts.push(index);
    lines.push(current);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? 0) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? (lines[0] ?? first) : (lines[found] ?? first);
  };
}

function words(text: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const match of text.matchAll(/[^\s"'\\]+/g)) out.push({ word: match[0], index: match.index });
  return out;
}
