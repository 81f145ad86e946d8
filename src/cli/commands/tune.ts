import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { CONFIG_FILE_NAME } from "../../pipeline/open.js";
import { AgentRouteError } from "../../errors.js";
import { displayPath } from "../../eval/evaluate.js";
import { buildTuneReport, renderTunedConfig, renderTuneTable } from "../../tune/render.js";
import { tuneRouter } from "../../tune/tune.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

/** `config` is not among tune's flags: tuning always starts from the defaults. */
interface TuneFlags extends Omit<RouterFlags, "config"> {
  agents?: string;
  dataset: string;
  folds: string;
  seed: string;
  out: string;
  report?: string;
  examples: boolean;
}

/**
 * `agentroute tune`: cross-validates the tuning candidates on a labeled dataset, prints their
 * held-out figures, writes the best one (fitted on every row) as the router config, and a
 * tune report (`*.tune.json`) saying where the figures come from.
 */
export const tuneCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("tune")
    .description(
      "Fit thresholds and fusion weights on labeled prompts (k-fold cross-validated) and write a router config",
    )
    .option("--agents <dir>", "agent folder (default: Claude Code's scopes, see --scope)")
    .requiredOption("--dataset <file>", "labeled prompts: CSV (prompt,expected,…) or JSONL")
    .option("--folds <k>", "cross-validation folds", "5")
    .option("--seed <n>", "seed of the fold assignment", "1")
    .option("--out <file>", "config file to write", CONFIG_FILE_NAME)
    .option("--report <file>", "tune report (JSON) to write (default: the config name with .tune.json)")
    .option("--no-examples", "do not try the labeled prompts as agent examples (saves one head training per fold)");
  addRouterOptions(command, { config: false }).action(async (flags: TuneFlags) => done(await runTune(flags, io)));
};

async function runTune(flags: TuneFlags, io: CliIO): Promise<number> {
  const folds = parseWhole("--folds", flags.folds, 2);
  const seed = parseWhole("--seed", flags.seed, 0);
  const out = path.resolve(io.cwd, flags.out);
  const reportFile = path.resolve(io.cwd, flags.report ?? out.replace(/(\.json)?$/i, ".tune.json"));
  if (reportFile === out) {
    throw new AgentRouteError("USAGE", "--report and --out name the same file", {
      hint: "Give the tune report its own name, e.g. --report tune.json.",
    });
  }
  const result = await tuneRouter({
    agentsDir: flags.agents,
    dataset: flags.dataset,
    folds,
    seed,
    examples: flags.examples,
    ...routerOptionsFromFlags(flags, io),
  });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, renderTunedConfig(result));
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFile(reportFile, `${JSON.stringify(buildTuneReport(result), null, 2)}\n`);
  io.out(renderTuneTable(result));
  io.err(
    `wrote ${displayPath(io.cwd, out)} (read by route and eval from this folder, or with --config) and ${displayPath(io.cwd, reportFile)}\n`,
  );
  return 0;
}

function parseWhole(flag: string, value: string, min: number): number {
  const x = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(x) || x < min) {
    throw new AgentRouteError(
      "USAGE",
      `${flag}: expected a whole number of at least ${min}, got ${JSON.stringify(value)}`,
      { hint: `For example ${flag} ${Math.max(min, 5)}.` },
    );
  }
  return x;
}
