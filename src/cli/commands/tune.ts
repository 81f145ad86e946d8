import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { writeFileSafely } from "../../util/safe-write.js";
import path from "node:path";
import type { Command } from "commander";
import { CONFIG_FILE_NAME } from "../../pipeline/open.js";
import { AgentRouteError } from "../../errors.js";
import { displayPath } from "../../eval/evaluate.js";
import { buildTuneReport, renderTunedConfig, renderTuneTable } from "../../tune/render.js";
import { tuneRouter, type TuneResult } from "../../tune/tune.js";
import { addFormatOption, chooseFormat, toJson, type FormatFlags, type OutputFormats } from "../format-flag.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

/** `config` is not among tune's flags: tuning always starts from the defaults. */
interface TuneFlags extends Omit<RouterFlags, "config">, FormatFlags {
  dataset: string;
  folds: string;
  seed: string;
  out: string;
  report?: string;
  examples: boolean;
}

/** What tune prints: the candidates' table, or the tune report as JSON. */
const TUNE_FORMATS = {
  table: renderTuneTable,
  json: (result: TuneResult) => toJson(buildTuneReport(result)),
} satisfies OutputFormats<TuneResult>;

/**
 * `agentroute tune`: cross-validates the tuning candidates on a labeled dataset, prints their
 * held-out figures, and writes a winner (fitted on every row) as the router config only when
 * it beat the defaults on most folds and beyond noise; always writes a tune report
 * (`*.tune.json`) saying where the figures come from.
 */
export const tuneCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("tune")
    .description(
      "Fit thresholds and fusion weights on labeled prompts (k-fold cross-validated) and write a router config",
    )
    .requiredOption("--dataset <file>", "labeled prompts: CSV (prompt,expected,…) or JSONL")
    .option("--folds <k>", "cross-validation folds", "5")
    .option("--seed <n>", "seed of the fold assignment", "1")
    .option("--out <file>", "config file to write", CONFIG_FILE_NAME)
    .option("--report <file>", "tune report (JSON) to write (default: the config name with .tune.json)")
    .option("--no-examples", "do not try the labeled prompts as agent examples (saves one head training per fold)");
  addFormatOption(command, TUNE_FORMATS);
  addRouterOptions(command, { config: false }).action(async (flags: TuneFlags) => done(await runTune(flags, io)));
};

async function runTune(flags: TuneFlags, io: CliIO): Promise<number> {
  const format = chooseFormat(flags, TUNE_FORMATS, "tune");
  const folds = parseWhole("--folds", flags.folds, 2);
  const seed = parseWhole("--seed", flags.seed, 0);
  const out = path.resolve(io.cwd, flags.out);
  const reportFile = path.resolve(io.cwd, flags.report ?? out.replace(/(\.json)?$/i, ".tune.json"));
  if (reportFile === out) {
    throw new AgentRouteError("USAGE", "--report and --out name the same file", {
      hint: "Give the tune report its own name, e.g. --report tune.json.",
    });
  }
  // tune reads no config: say so, so a config in this folder is not mistaken for its starting point.
  io.err(
    existsSync(out)
      ? `config: ${displayPath(io.cwd, out)} is not read: tune starts from the defaults (a winner replaces the file)\n`
      : "config: none read: tune starts from the defaults\n",
  );
  const result = await tuneRouter({
    agentsDir: flags.agents,
    dataset: flags.dataset,
    folds,
    seed,
    examples: flags.examples,
    ...routerOptionsFromFlags(flags, io),
  });
  const now = new Date();
  const config = renderTunedConfig(result, now);
  if (config !== null) {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFileSafely(out, config, { what: "tuned config" });
  }
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFileSafely(reportFile, `${JSON.stringify(buildTuneReport(result, now), null, 2)}\n`, {
    what: "tune report",
  });
  io.out(TUNE_FORMATS[format](result));
  if (config !== null) {
    io.err(
      `wrote ${displayPath(io.cwd, out)} (read by route, eval, advise and hook from this folder, or with --config; --no-config ignores it) and ${displayPath(io.cwd, reportFile)}\n`,
    );
  } else {
    const existing = existsSync(out)
      ? `; ${displayPath(io.cwd, out)} already exists and still applies (delete it or use --no-config)`
      : "";
    io.err(`wrote ${displayPath(io.cwd, reportFile)}; no config written${existing}\n`);
  }
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
