import type { Command } from "commander";
import { AgentRouteError } from "../../errors.js";
import { adviseAgents } from "../../advise/advise.js";
import { renderAdviceMarkdown } from "../../advise/render.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

interface AdviseFlags extends RouterFlags {
  agents?: string;
  dataset?: string;
  format: string;
}

const FORMATS = ["md", "json"] as const;

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
    .option("--agents <dir>", "agent folder (default: Claude Code's scopes, see --scope)")
    .option("--dataset <file>", "labeled prompts (CSV or JSONL): adds the eval's confusions and suggestions")
    .option("--format <name>", "md or json", "md");
  addRouterOptions(command).action(async (flags: AdviseFlags) => {
    const format = flags.format.trim().toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new AgentRouteError("USAGE", `unknown advise format: ${flags.format}`, {
        hint: `Use --format ${FORMATS.join(" or ")}.`,
      });
    }
    const advice = await adviseAgents({
      agentsDir: flags.agents,
      dataset: flags.dataset,
      ...routerOptionsFromFlags(flags, io),
    });
    io.out(format === "json" ? `${JSON.stringify(advice, null, 2)}\n` : renderAdviceMarkdown(advice));
    done(0);
  });
};
