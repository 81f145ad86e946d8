import { writeFile } from "node:fs/promises";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { AgentRouteError } from "../../errors.js";
import { compareReports } from "../../eval/compare.js";
import { displayPath, evaluateAgents, type EvaluateOptions } from "../../eval/evaluate.js";
import { checkGate } from "../../eval/gate.js";
import { readReport } from "../../eval/report-schema.js";
import type { Dataset, EvalReport } from "../../eval/types.js";
import { openDispatchDataset } from "../../transcripts/open-dispatch-dataset.js";
import { renderComparison, renderGate } from "../../report/comparison.js";
import { parseFormats, renderReport, type ReportFormat, writeReports } from "../../report/index.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

interface EvalFlags extends RouterFlags {
  agents?: string;
  dataset?: string;
  dispatchLog?: string;
  asDataset?: string;
  out: string;
  format: string;
  baseline?: string;
  maxDrop: string;
  maxAgentDrop?: string;
  minMacroF1?: string;
  compareAgents?: string;
}

/** `agentroute eval`: route a labeled dataset, write reports, optionally gate on a baseline or A/B two agent folders. */
export const evalCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("eval")
    .description(
      "Route a labeled dataset and report precision/recall per agent; gate on a baseline or compare two agent folders",
    )
    .option("--agents <dir>", "agent folder to evaluate (default: Claude Code's scopes, see --scope)")
    .option("--dataset <file>", "labeled prompts: CSV (prompt,expected,…) or JSONL")
    .option(
      "--dispatch-log <file>",
      "instead of --dataset: a dispatch log (agentroute transcripts); expected = what Claude Code dispatched",
    )
    .option(
      "--as-dataset <file>",
      "with --dispatch-log: also write it as a CSV dataset (prompt,expected,source,…) to review",
    )
    .option("--out <dir>", "folder for the report files", "reports")
    .option("--format <list>", "comma-separated: table,md,json,junit,html", "table,json")
    .option("--baseline <file>", "a previous report.json: exit 1 when routing got worse")
    .option("--max-drop <x>", "largest allowed drop of macro-F1, accuracy or an agent's F1", "0.02")
    .option("--max-agent-drop <x>", "largest allowed drop of one agent's F1 (default: --max-drop)")
    .option("--min-macro-f1 <x>", "fail when macro-F1 is below X")
    .option("--compare-agents <dir>", "A/B: also evaluate this agent folder and show what changed");
  addRouterOptions(command).action(async (flags: EvalFlags) => done(await runEvalCommand(flags, io)));
};

async function runEvalCommand(flags: EvalFlags, io: CliIO): Promise<number> {
  const formats = parseFormats(flags.format);
  const maxDrop = parseFraction("--max-drop", flags.maxDrop);
  const maxAgentDrop =
    flags.maxAgentDrop === undefined ? undefined : parseFraction("--max-agent-drop", flags.maxAgentDrop);
  const minMacroF1 = flags.minMacroF1 === undefined ? undefined : parseFraction("--min-macro-f1", flags.minMacroF1);
  if (flags.compareAgents !== undefined && flags.baseline !== undefined) {
    throw new AgentRouteError("USAGE", "--compare-agents and --baseline cannot be combined", {
      hint: "Run the A/B comparison and the baseline gate as two commands.",
    });
  }
  checkDatasetFlags(flags);
  const out = path.resolve(io.cwd, flags.out);
  if (flags.compareAgents !== undefined) return runAb(flags, flags.compareAgents, formats, out, io);
  // Read the baseline first: a broken baseline should fail before a long eval, not after.
  const baseline = flags.baseline === undefined ? undefined : await readReport(path.resolve(io.cwd, flags.baseline));
  const report = await evaluateWithProgress(flags, flags.agents, io);
  const written = await writeReports(report, out, formats);
  if (formats.includes("table")) io.out(renderReport(report, "table"));
  if (written.length > 0) io.err(`wrote ${written.map((f) => displayPath(io.cwd, f)).join(", ")}\n`);
  if (baseline === undefined && minMacroF1 === undefined) return 0;
  const gate =
    baseline === undefined
      ? checkGate(report, report, { minMacroF1 })
      : checkGate(baseline, report, { maxDrop, maxAgentDrop, minMacroF1 });
  io.out(`\n${renderGate(gate)}\n`);
  return gate.passed ? 0 : 1;
}

async function runAb(flags: EvalFlags, dirB: string, formats: ReportFormat[], out: string, io: CliIO): Promise<number> {
  const a = await evaluateWithProgress(flags, flags.agents, io);
  const b = await evaluateWithProgress(flags, dirB, io);
  const files = formats.includes("json") ? formats : [...formats, "json" as const];
  const written = [
    ...(await writeReports(a, out, files, { stem: "report-a" })),
    ...(await writeReports(b, out, files, { stem: "report-b" })),
  ];
  const comparison = compareReports(a, b);
  const sides = { a: a.agents.path, b: b.agents.path };
  const mdFile = path.join(out, "comparison.md");
  await writeFile(mdFile, renderComparison(comparison, "md", sides));
  io.out(`${renderComparison(comparison, "table", sides)}\n`);
  io.err(`wrote ${[...written, mdFile].map((f) => displayPath(io.cwd, f)).join(", ")}\n`);
  return 0;
}

async function evaluateWithProgress(flags: EvalFlags, agentsDir: string | undefined, io: CliIO): Promise<EvalReport> {
  const options: EvaluateOptions = {
    agentsDir,
    dataset: (flags.dataset ?? flags.dispatchLog)!,
    loadDataset:
      flags.dispatchLog === undefined ? undefined : dispatchLogLoader(flags.dispatchLog, flags.asDataset, io),
    ...routerOptionsFromFlags(flags, io),
  };
  if (!io.isTTY) return evaluateAgents(options);
  // Terminal only: CI logs stay quiet.
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `routing ${agentsDir ?? "agents"} [{bar}] {value}/{total} prompts`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await evaluateAgents({
      ...options,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
  } finally {
    if (started) bar.stop();
  }
}

/** Exactly one of --dataset and --dispatch-log; --as-dataset only with --dispatch-log. */
function checkDatasetFlags(flags: EvalFlags): void {
  if ((flags.dataset === undefined) === (flags.dispatchLog === undefined)) {
    throw new AgentRouteError("USAGE", "give exactly one of --dataset FILE and --dispatch-log FILE", {
      hint: "--dataset for a labeled CSV/JSONL; --dispatch-log for a log from `agentroute transcripts`.",
    });
  }
  if (flags.asDataset !== undefined && flags.dispatchLog === undefined) {
    throw new AgentRouteError("USAGE", "--as-dataset needs --dispatch-log", {
      hint: "It writes the dispatch log as a CSV dataset.",
    });
  }
}

/** Reads a dispatch log as the dataset, saying how agents outside the set were counted. */
function dispatchLogLoader(
  file: string,
  asDataset: string | undefined,
  io: CliIO,
): (agentNames: readonly string[]) => Promise<Dataset> {
  return async (agentNames) => {
    const { dataset, notes } = await openDispatchDataset(path.resolve(io.cwd, file), {
      agentNames,
      asDataset: asDataset === undefined ? undefined : path.resolve(io.cwd, asDataset),
    });
    for (const note of notes) io.err(`${note}\n`);
    return dataset;
  };
}

function parseFraction(flag: string, value: string): number {
  const x = Number(value);
  if (value.trim() === "" || !Number.isFinite(x) || x < 0 || x > 1) {
    throw new AgentRouteError("USAGE", `${flag}: expected a number between 0 and 1, got ${JSON.stringify(value)}`, {
      hint: `For example ${flag} 0.02.`,
    });
  }
  return x;
}
