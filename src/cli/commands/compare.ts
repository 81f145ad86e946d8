import path from "node:path";
import type { Command } from "commander";
import { compareReports } from "../../eval/compare.js";
import { readReport } from "../../eval/report-schema.js";
import { renderComparison, type ComparisonFormat } from "../../report/comparison.js";
import { addFormatOption, chooseFormat, type FormatFlags } from "../format-flag.js";
import type { CliIO, CommandModule } from "../types.js";

/** compare's output formats (the comparison renderer's own formats). */
const COMPARE_FORMATS = { table: "table", md: "md", html: "html", json: "json" } satisfies Record<
  string,
  ComparisonFormat
>;

/**
 * `agentroute compare OLD.json NEW.json`: metric deltas with paired intervals and every prompt
 * whose decision changed, as a terminal table, Markdown, HTML (A and B side by side) or JSON.
 */
export const compareCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("compare")
    .description(
      "Compare two eval reports: metric deltas with paired intervals, per-agent F1 changes and every prompt whose decision changed",
    )
    .argument("<old>", "the earlier report.json")
    .argument("<new>", "the later report.json");
  addFormatOption(command, COMPARE_FORMATS).action(async (oldFile: string, newFile: string, flags: FormatFlags) => {
    const format = COMPARE_FORMATS[chooseFormat(flags, COMPARE_FORMATS, "compare")];
    const [a, b] = await Promise.all([
      readReport(path.resolve(io.cwd, oldFile)),
      readReport(path.resolve(io.cwd, newFile)),
    ]);
    const text = renderComparison(compareReports(a, b), format, { a: oldFile, b: newFile }, io.colour?.out ?? false);
    io.out(text.endsWith("\n") ? text : `${text}\n`);
    done(0);
  });
};
