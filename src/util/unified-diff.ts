/** Lines of context around a change, as `diff -u` shows. */
const CONTEXT = 3;

/**
 * A unified diff of one contiguous change between two texts (what an advise edit makes: one
 * line changed, or lines inserted): the common lines before and after are context, the rest
 * one hunk. Texts equal: an empty string.
 *
 * @example
 * unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "agents/x.md")
 * // "--- a/agents/x.md\n+++ b/agents/x.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
 */
export function unifiedDiff(before: string, after: string, label: string): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - CONTEXT);
  const aEnd = Math.min(a.length, a.length - tail + CONTEXT);
  const bEnd = Math.min(b.length, b.length - tail + CONTEXT);
  const lines = [
    ...a.slice(from, head).map((l) => ` ${l}`),
    ...a.slice(head, a.length - tail).map((l) => `-${l}`),
    ...b.slice(head, b.length - tail).map((l) => `+${l}`),
    ...a.slice(a.length - tail, aEnd).map((l) => ` ${l}`),
  ];
  const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  return [
    `--- a/${label}`,
    `+++ b/${label}`,
    `@@ -${range(from, aEnd - from)} +${range(from, bEnd - from)} @@`,
    ...lines,
    "",
  ].join("\n");
}

/** Lines without their ends (a final newline ends the last line, it does not start a new one). */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((l) => l.replace(/\r$/, ""));
}
