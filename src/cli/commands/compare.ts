import path from "node:path";
import type { Command } from "commander";
import { AgentRouteError } from "../../errors.js";
import { compareReports } from "../../eval/compare.js";
import { readReport } from "../../eval/report-schema.js";
import { renderComparison, type ComparisonFormat } from "../../report/comparison.js";
import type { CliIO, CommandModule } from "../types.js";

const FORMATS: ComparisonFormat[] = ["table", "md"];

/** `agentroute compare OLD.json NEW.json`: metric deltas and flipped prompts between two reports. */
export const compareCommand: CommandModule = (program: Command, io: CliIO, done) => {
  program
    .command("compare")
    .description("Compare two eval reports: metric deltas, per-agent F1 changes and the prompts that flipped")
    .argument("<old>", "the earlier report.json")
    .argument("<new>", "the later report.json")
    .option("--format <name>", "table or md", "table")
    .action(async (oldFile: string, newFile: string, flags: { format: string }) => {
      const format = flags.format.trim().toLowerCase() as ComparisonFormat;
      if (!FORMATS.includes(format)) {
        throw new AgentRouteError("USAGE", `unknown compare format: ${flags.format}`, {
          hint: `Use --format ${FORMATS.join(" or ")}.`,
        });
      }
      const [a, b] = await Promise.all([
        readReport(path.resolve(io.cwd, oldFile)),
        readReport(path.resolve(io.cwd, newFile)),
      ]);
      io.out(`${renderComparison(compareReports(a, b), format, { a: oldFile, b: newFile })}\n`);
      done(0);
    });
};
