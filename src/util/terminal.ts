// Every C0 control but tab and newline, DEL, C1 controls, and the bidi overrides that reorder
// what a terminal shows. An ESC from an agent name must not reach the terminal: OSC 52 writes
// the clipboard, CSI moves the cursor or clears the screen.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// The colours `agentroute lint` paints on a terminal (picocolors: red, yellow, cyan, dim and their resets).
// eslint-disable-next-line no-control-regex -- matching our own colour codes is the point
const OWN_COLOURS = /(\u001b\[(?:31|33|36|39|2|22)m)/;

/**
 * Shows control characters as `\uXXXX` text instead of sending them to the terminal. Inside
 * a JSON string the escape reads back as the same character, so JSON output stays exact.
 *
 * @example
 * escapeControl("deploy\u001b]52;c;ZXZpbA==\u0007") // "deploy\\u001b]52;c;ZXZpbA==\\u0007"
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * What the CLI writes to stdout and stderr: `escapeControl` over everything, keeping only the
 * few colour codes lint itself paints when colour is on (lint escapes the text it colours).
 *
 * @example
 * consoleText("\u001b[31merror\u001b[39m \u001b[2J", true) // "\u001b[31merror\u001b[39m \\u001b[2J"
 */
export function consoleText(text: string, keepColour: boolean): string {
  if (!keepColour) return escapeControl(text);
  return text
    .split(OWN_COLOURS)
    .map((part, i) => (i % 2 === 1 ? part : escapeControl(part)))
    .join("");
}
