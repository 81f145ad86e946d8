import type { Command } from "commander";
import { adviseAgents } from "../../advise/advise.js";
import { renderAdviceMarkdown } from "../../advise/render.js";
import type { Advice } from "../../advise/types.js";
import { addFormatOption, chooseFormat, toJson, type FormatFlags, type OutputFormats } from "../format-flag.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

interface AdviseFlags extends RouterFlags, FormatFlags {
  dataset?: string;
}

/** advise's output formats: Markdown for people, JSON for tools. */
const ADVISE_FORMATS = { md: renderAdviceMarkdown, json: toJson } satisfies OutputFormats<Advice>;

/**
 * `agentroute advise`: what in the agent descriptions makes routing hard, and with a labeled
 * dataset, which edits would fix the confusions it shows. Markdown for people, JSON for tools.
 */
export const adviseCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("advise")
    .description(
      "Find overlapping agents, shared triggers and stale redirects; with --dataset, suggest description edits for the worst confusions",
    )
    .option("--dataset <file>", "labeled prompts (CSV or JSONL): adds the eval's confusions and suggestions");
  addFormatOption(command, ADVISE_FORMATS);
  addRouterOptions(command).action(async (flags: AdviseFlags) => {
    const format = chooseFormat(flags, ADVISE_FORMATS, "advise");
    const advice = await adviseAgents({
      agentsDir: flags.agents,
      dataset: flags.dataset,
      ...routerOptionsFromFlags(flags, io),
    });
    io.out(ADVISE_FORMATS[format](advice));
    done(0);
  });
};
