import { writeFileSafely } from "../../util/safe-write.js";
import path from "node:path";
import type { Command } from "commander";
import { AgentRouteError } from "../../errors.js";
import { compareReports } from "../../eval/compare.js";
import { displayPath, evaluateAgents } from "../../eval/evaluate.js";
import { buildGateReport } from "../../eval/gate-report.js";
import { readReport } from "../../eval/report-schema.js";
import type { Dataset, EvalReport } from "../../eval/types.js";
import { openDispatchDataset } from "../../transcripts/open-dispatch-dataset.js";
import { renderComparison, renderGate } from "../../report/comparison.js";
import { summaryLine } from "../../report/format.js";
import { parseFormats, renderReport, type ReportFormat, writeReports } from "../../report/index.js";
import { JUNIT_FAILURES, type JunitFailures } from "../../report/types.js";
import { evalProgress } from "../progress.js";
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
  strict?: boolean;
  compareAgents?: string;
  junitFailures: string;
  htmlLink?: string;
}

/** `agentroute eval`: route a labeled dataset, write reports, optionally gate on a baseline or A/B two agent folders. */
export const evalCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("eval")
    .description(
      "Route a labeled dataset and report precision/recall per agent; gate on a baseline or compare two agent folders",
    )
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
    .option(
      "--format <list>",
      "comma-separated: table,md,json,junit,html,baseline (baseline.json: the slim report a --baseline gate reads)",
      "table,json",
    )
    .option("--baseline <file>", "a previous report.json: exit 1 when routing got worse")
    .option("--max-drop <x>", "largest allowed drop of macro-F1, accuracy or an agent's F1", "0.02")
    .option("--max-agent-drop <x>", "largest allowed drop of one agent's F1 (default: --max-drop)")
    .option("--min-macro-f1 <x>", "fail when macro-F1 is below X")
    .option(
      "--strict",
      "fail on any agent F1 drop past the tolerance (default: only when its paired 95% interval excludes 0)",
    )
    .option("--compare-agents <dir>", "A/B: also evaluate this agent folder and show what changed")
    .option(
      "--junit-failures <kind>",
      "what junit.xml counts as failed tests: misroutes, or flips (right → wrong against --baseline)",
      "misroutes",
    )
    .option("--html-link <url>", "where report.md links the HTML report (e.g. the CI artefact URL)", "report.html");
  addRouterOptions(command).action(async (flags: EvalFlags) => done(await runEvalCommand(flags, io)));
};

async function runEvalCommand(flags: EvalFlags, io: CliIO): Promise<number> {
  const formats = parseFormats(flags.format);
  const maxDrop = parseFraction("--max-drop", flags.maxDrop);
  const maxAgentDrop =
    flags.maxAgentDrop === undefined ? undefined : parseFraction("--max-agent-drop", flags.maxAgentDrop);
  const minMacroF1 = flags.minMacroF1 === undefined ? undefined : parseFraction("--min-macro-f1", flags.minMacroF1);
  const junitFailures = parseJunitFailures(flags);
  if (flags.compareAgents !== undefined && flags.baseline !== undefined) {
    throw new AgentRouteError("USAGE", "--compare-agents and --baseline cannot be combined", {
      hint: "Run the A/B comparison and the baseline gate as two commands.",
    });
  }
  checkDatasetFlags(flags);
  const out = path.resolve(io.cwd, flags.out);
  if (flags.compareAgents !== undefined) return runAb(flags, flags.compareAgents, formats, out, io);
  // Read the baseline first: a broken baseline should fail before a long eval, not after.
  const baseline =
    flags.baseline === undefined
      ? undefined
      : {
          report: await readReport(path.resolve(io.cwd, flags.baseline)),
          path: displayPath(io.cwd, path.resolve(io.cwd, flags.baseline)),
        };
  const report = await evaluateWithProgress(flags, flags.agents, io);
  if (baseline !== undefined || minMacroF1 !== undefined)
    report.gate = buildGateReport(report, baseline, {
      maxDrop,
      maxAgentDrop,
      minMacroF1,
      strict: flags.strict === true,
    });
  const options = { junitFailures, htmlLink: flags.htmlLink, colour: io.colour?.out ?? false };
  const written = await writeReports(report, out, formats, options);
  if (formats.includes("table")) io.out(renderReport(report, "table", options));
  if (report.gate !== undefined) io.out(`\n${renderGate(report.gate, { colour: io.colour?.out ?? false })}\n`);
  io.err(`${summaryLine(report, io.colour?.err ?? false)}\n`);
  if (written.length > 0) io.err(`wrote ${written.map((f) => displayPath(io.cwd, f)).join(", ")}\n`);
  return report.gate === undefined || report.gate.passed ? 0 : 1;
}

async function runAb(flags: EvalFlags, dirB: string, formats: ReportFormat[], out: string, io: CliIO): Promise<number> {
  const a = await evaluateWithProgress(flags, flags.agents, io);
  const b = await evaluateWithProgress(flags, dirB, io);
  const files = formats.includes("json") ? formats : [...formats, "json" as const];
  const options = { htmlLink: flags.htmlLink };
  const written = [
    ...(await writeReports(a, out, files, { ...options, stem: "report-a" })),
    ...(await writeReports(b, out, files, { ...options, stem: "report-b" })),
  ];
  const comparison = compareReports(a, b);
  const sides = { a: a.agents.path, b: b.agents.path };
  const comparisonFiles = [path.join(out, "comparison.md"), path.join(out, "comparison.html")];
  await writeFileSafely(comparisonFiles[0]!, `${renderComparison(comparison, "md", sides)}\n`, { what: "comparison" });
  await writeFileSafely(comparisonFiles[1]!, renderComparison(comparison, "html", sides), { what: "comparison" });
  io.out(`${renderComparison(comparison, "table", sides, io.colour?.out ?? false)}\n`);
  const changed = Object.values(comparison.flipped).reduce((sum, list) => sum + list.length, 0);
  io.err(`A/B: ${summaryLine(a)} → ${summaryLine(b)}; ${changed} prompt(s) changed decision\n`);
  io.err(`wrote ${[...written, ...comparisonFiles].map((f) => displayPath(io.cwd, f)).join(", ")}\n`);
  return 0;
}

async function evaluateWithProgress(flags: EvalFlags, agentsDir: string | undefined, io: CliIO): Promise<EvalReport> {
  const mode = flags.embeddings === false ? "keyword-only" : "embeddings";
  const shown = agentsDir ?? "the discovered agents";
  io.err(`agentroute eval: ${shown} on ${flags.dataset ?? flags.dispatchLog}, ${mode}\n`);
  const progress = evalProgress(io, shown);
  try {
    return await evaluateAgents({
      agentsDir,
      dataset: (flags.dataset ?? flags.dispatchLog)!,
      loadDataset:
        flags.dispatchLog === undefined ? undefined : dispatchLogLoader(flags.dispatchLog, flags.asDataset, io),
      ...routerOptionsFromFlags(flags, io),
      onConfig: (note) => io.err(`${shown}: ${note.header}\n`),
      onStage: progress.onStage,
      onProgress: progress.onProgress,
    });
  } finally {
    progress.stop();
  }
}

function parseJunitFailures(flags: EvalFlags): JunitFailures {
  const value = flags.junitFailures.trim().toLowerCase();
  if (!(JUNIT_FAILURES as readonly string[]).includes(value)) {
    throw new AgentRouteError("USAGE", `--junit-failures: unknown value ${JSON.stringify(flags.junitFailures)}`, {
      hint: `Use --junit-failures ${JUNIT_FAILURES.join(" or ")}.`,
    });
  }
  if (value === "flips" && flags.baseline === undefined) {
    throw new AgentRouteError("USAGE", "--junit-failures flips needs --baseline", {
      hint: "Flips are prompts that were right in the baseline and are wrong now; give the baseline report.",
    });
  }
  return value as JunitFailures;
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
