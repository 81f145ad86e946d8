import type { Command } from "commander";
import { AgentRouteError } from "../errors.js";

/** One command's outputs: format name → renderer of the command's result. The first is the default. */
export type OutputFormats<T> = Readonly<Record<string, (value: T) => string>>;

/** The `--format` flag values every command reads (plus the deprecated `--json` where it existed). */
export interface FormatFlags {
  format?: string;
  json?: boolean;
}

/**
 * Declares `--format <name>` with the same wording on every command, listing the registry's
 * names; `json: true` also keeps the old `--json` flag as an alias (said deprecated in help).
 *
 * @example addFormatOption(command, LINT_FORMATS, { json: true }) // --format text|json, --json
 */
export function addFormatOption(
  command: Command,
  formats: Readonly<Record<string, unknown>>,
  options: { json?: boolean } = {},
): Command {
  const names = Object.keys(formats);
  command.option("--format <name>", `output format: ${names.join(", ")} (default: ${names[0]})`);
  return options.json ? command.option("--json", "deprecated: same as --format json") : command;
}

/**
 * The format a run asked for: `--format` (case-insensitive), else `json` for the old `--json`
 * flag, else the registry's first (default) one. An unknown name is a USAGE error listing the
 * valid ones.
 *
 * @example chooseFormat({ format: "JSON" }, LINT_FORMATS, "lint") // "json"
 */
export function chooseFormat<R extends Readonly<Record<string, unknown>>>(
  flags: FormatFlags,
  formats: R,
  command: string,
): keyof R & string {
  const names = Object.keys(formats);
  const asked = flags.format?.trim().toLowerCase() ?? (flags.json ? "json" : names[0]!);
  if (!names.includes(asked)) {
    throw new AgentRouteError("USAGE", `unknown ${command} format: ${flags.format}`, {
      hint: `Use --format ${names.join(" or ")}.`,
    });
  }
  return asked;
}

/** Pretty JSON with a final newline: the `json` format of every command. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
