// C0 controls other than tab/LF/CR, DEL and C1 controls: an ESC in a prompt must not drive the terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Removes control characters (terminal escapes, NUL, bell) that no report should echo.
 *
 * @example
 * stripControl("a\u001b[31mb") // "a[31mb"
 */
export function stripControl(text: string): string {
  return text.replace(CONTROL, "");
}

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<script>alert("x")</script>') // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
 */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Serialises data for a `<script type="application/json">` block: `<`, `>`, `&` and the line
 * separators U+2028/2029 become \u escapes, so no prompt can close the script element.
 *
 * @example
 * jsonForScript({ p: "</script>" }) // '{"p":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

// XML 1.0 allows tab, LF, CR and U+0020 and above, minus lone surrogates, U+FFFE and U+FFFF.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for XML attributes (default) or element content, dropping the characters XML
 * 1.0 forbids (control characters, lone surrogates) since no escape can represent them. In
 * attributes, newlines and tabs become character references so they survive normalisation;
 * in content they stay as they are, for readable CI logs.
 *
 * @example
 * escapeXml('a<b & "c"\u0007') // "a&lt;b &amp; &quot;c&quot;"
 */
export function escapeXml(text: string, where: "attribute" | "content" = "attribute"): string {
  const escaped = text.replace(XML_FORBIDDEN, "").replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch]!);
  if (where === "content") return escaped.replace(/\r\n?/g, "\n");
  return escaped.replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Makes text safe inside a Markdown table cell: pipes, backticks and angle brackets escaped,
 * newlines flattened, so a prompt can neither break the table nor inject HTML; then
 * `neutraliseMarkdown` so it cannot post images, links or mentions into a PR comment.
 *
 * @example
 * escapeMarkdownCell("a | `b`\n<c>") // "a \\| \\`b\\` &lt;c&gt;"
 */
export function escapeMarkdownCell(text: string): string {
  return neutraliseMarkdown(
    stripControl(text)
      .replace(/\\/g, "\\\\")
      .replace(/&/g, "&amp;")
      .replace(/\|/g, "\\|")
      .replace(/`/g, "\\`")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\r?\n|\r/g, " "),
  );
}

/**
 * Text from prompts and agent files, made inert in Markdown that lands in a PR comment:
 * `[` and `]` escaped (no links, no images: a tracking pixel in `![](…)` would load for
 * every reader), and a zero-width joiner after `@` and inside `://`, so `@team` pings no one
 * and a URL is not autolinked.
 *
 * @example
 * neutraliseMarkdown("![x](https://t.co/p.png) @team") // "!\\[x\\](https:\u2060//t.co/p.png) @\u2060team"
 */
export function neutraliseMarkdown(text: string): string {
  return text
    .replace(/[[\]]/g, "\\$&")
    .replace(/@(?=\w)/g, "@\u2060")
    .replace(/:\/\//g, ":\u2060//")
    .replace(/\bwww\./gi, "www\u2060.");
}

/**
 * Shortens text to `max` characters with an ellipsis (for table cells and test names).
 *
 * @example
 * truncate("abcdef", 4) // "abc…"
 */
export function truncate(text: string, max: number): string {
  const flat = stripControl(text).replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A Markdown code span safe in a table cell: the fence is one backtick longer than the longest
 * run inside, pipes are escaped and newlines flattened. Ids in code spans are never autolinked
 * (`use-lite@0.2.0` would otherwise render as an email link).
 *
 * @example
 * codeSpan("use-lite@0.2.0") // "`use-lite@0.2.0`"
 * codeSpan("a`b")            // "`` a`b ``"
 * codeSpan("<b>")            // "&lt;b&gt;" (markup-like text stays escaped plain text, for any renderer)
 */
export function codeSpan(text: string): string {
  if (/[<>&]/.test(text)) return escapeMarkdownCell(text);
  const flat = stripControl(text)
    .replace(/\r?\n|\r/g, " ")
    .replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
