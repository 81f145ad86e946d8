import path from "node:path";
import type { Command } from "commander";
import { AgentRouteError } from "../../errors.js";
import { compareReports } from "../../eval/compare.js";
import { readReport } from "../../eval/report-schema.js";
import { COMPARISON_FORMATS, renderComparison, type ComparisonFormat } from "../../report/comparison.js";
import type { CliIO, CommandModule } from "../types.js";

/**
 * `agentroute compare OLD.json NEW.json`: metric deltas with paired intervals and every prompt
 * whose decision changed, as a terminal table, Markdown, HTML (A and B side by side) or JSON.
 */
export const compareCommand: CommandModule = (program: Command, io: CliIO, done) => {
  program
    .command("compare")
    .description(
      "Compare two eval reports: metric deltas with paired intervals, per-agent F1 changes and every prompt whose decision changed",
    )
    .argument("<old>", "the earlier report.json")
    .argument("<new>", "the later report.json")
    .option("--format <name>", COMPARISON_FORMATS.join(", "), "table")
    .action(async (oldFile: string, newFile: string, flags: { format: string }) => {
      const format = flags.format.trim().toLowerCase() as ComparisonFormat;
      if (!COMPARISON_FORMATS.includes(format)) {
        throw new AgentRouteError("USAGE", `unknown compare format: ${flags.format}`, {
          hint: `Use --format with one of: ${COMPARISON_FORMATS.join(", ")}.`,
        });
      }
      const [a, b] = await Promise.all([
        readReport(path.resolve(io.cwd, oldFile)),
        readReport(path.resolve(io.cwd, newFile)),
      ]);
      const text = renderComparison(compareReports(a, b), format, { a: oldFile, b: newFile }, io.colour?.out ?? false);
      io.out(text.endsWith("\n") ? text : `${text}\n`);
      done(0);
    });
};
