import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { adviseAgents } from "../../advise/advise.js";
import { planAdvisedEdit, writeEditPlan, type EditPlan } from "../../advise/apply.js";
import { renderAdviceMarkdown } from "../../advise/render.js";
import type { Advice } from "../../advise/types.js";
import { AgentRouteError } from "../../errors.js";
import { addFormatOption, chooseFormat, toJson, type FormatFlags, type OutputFormats } from "../format-flag.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

interface AdviseFlags extends RouterFlags, FormatFlags {
  dataset?: string;
  apply?: string;
  yes?: boolean;
}

/** advise's output formats: Markdown for people, JSON for tools. */
const ADVISE_FORMATS = { md: renderAdviceMarkdown, json: toJson } satisfies OutputFormats<Advice>;

/**
 * `agentroute advise`: what in the agent descriptions makes routing hard, and with a labeled
 * dataset, the edits that proved to help on held-out prompts. `--apply N` shows edit N as a
 * diff and writes it with `--yes` (or after a yes at a terminal).
 */
export const adviseCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("advise")
    .description(
      "Find overlapping agents, shared triggers and stale redirects; with --dataset, show description edits proven on held-out prompts",
    )
    .option("--dataset <file>", "labeled prompts (CSV or JSONL): adds the eval's confusions and the tested edits")
    .option("--apply <n>", "write tested edit N (as numbered by advise) into its agent file; shows the diff first")
    .option("--yes", "with --apply: write without asking");
  addFormatOption(command, ADVISE_FORMATS);
  addRouterOptions(command).action(async (flags: AdviseFlags) => {
    const format = chooseFormat(flags, ADVISE_FORMATS, "advise");
    const options = { agentsDir: flags.agents, dataset: flags.dataset, ...routerOptionsFromFlags(flags, io) };
    if (flags.apply !== undefined)
      return done(await applyEdit(await planAdvisedEdit(options, applyNumber(flags.apply)), flags, io));
    io.out(ADVISE_FORMATS[format](await adviseAgents(options)));
    done(0);
  });
};

function applyNumber(raw: string): number {
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  throw new AgentRouteError("USAGE", `--apply: expected an edit number (1, 2, …), got "${raw}"`, {
    hint: "Use a number from the 'Tested edits' list of `agentroute advise --dataset FILE`.",
  });
}

/** Shows the diff, then writes with --yes or a yes at a terminal; otherwise says which flag writes it. */
async function applyEdit(plan: EditPlan, flags: AdviseFlags, io: CliIO): Promise<number> {
  io.out(`edit ${plan.n}: ${plan.edit.summary}\n\n${plan.diff}`);
  const terminal = io.isTTY && Boolean((io.stdin as { isTTY?: boolean }).isTTY);
  if (!flags.yes && !(terminal && (await confirm(io, `Write this edit to ${plan.label}? [y/N] `)))) {
    io.err(
      terminal
        ? "not written.\n"
        : `not written: stdin is not a terminal, so advise cannot ask; add --yes to write ${plan.label}.\n`,
    );
    return 0;
  }
  await writeEditPlan(plan);
  io.err(`wrote ${plan.label} (edit ${plan.n}). Re-run eval to confirm.\n`);
  return 0;
}

async function confirm(io: CliIO, question: string): Promise<boolean> {
  io.err(question);
  const rl = createInterface({ input: io.stdin });
  try {
    return /^y(es)?$/i.test((await rl.question("")).trim());
  } finally {
    rl.close();
  }
}
