import { mkdir } from "node:fs/promises";
import { openSafeWriter, writeFileSafely } from "../util/safe-write.js";
import path from "node:path";
import { AgentRouteError } from "../errors.js";
import { slimReport } from "../eval/slim.js";
import type { EvalReport } from "../eval/types.js";
import { renderHtmlReport } from "./html.js";
import { junitReportChunks, renderJunitReport } from "./junit.js";
import { renderMarkdownReport } from "./markdown.js";
import { renderTableReport } from "./table.js";
import type { Reporter, ReportOptions } from "./types.js";

export type { Reporter, ReportOptions } from "./types.js";

/**
 * The report as versioned JSON, exactly the EvalReport (key order is the order runEval builds).
 *
 * @example
 * JSON.parse(renderJsonReport(report)).schemaVersion // 1
 */
export function renderJsonReport(report: EvalReport): string {
  return [...jsonReportChunks(report)].join("");
}

const CASES_MARK = "\u0000agentroute-cases\u0000";
const CASES_PER_CHUNK = 1000;

/**
 * `renderJsonReport` in pieces of at most 1,000 cases, the same bytes as
 * `JSON.stringify(report, null, 2)`: 150,000 cases are about 600 MB of JSON, past the
 * longest string V8 can build, so the writer never joins them.
 */
export function* jsonReportChunks(report: EvalReport): Generator<string> {
  const [head, tail] = JSON.stringify({ ...report, cases: CASES_MARK }, null, 2).split(JSON.stringify(CASES_MARK));
  if (report.cases.length === 0) {
    yield `${head}[]${tail}\n`;
    return;
  }
  yield `${head}[\n`;
  for (let start = 0; start < report.cases.length; start += CASES_PER_CHUNK) {
    const part = report.cases
      .slice(start, start + CASES_PER_CHUNK)
      .map((c) => `    ${JSON.stringify(c, null, 2).replace(/\n/g, "\n    ")}`)
      .join(",\n");
    yield start + CASES_PER_CHUNK < report.cases.length ? `${part},\n` : part;
  }
  yield `\n  ]${tail}\n`;
}

/** Formats whose files are written piece by piece (they grow with the cases). */
const chunkedReporters: Partial<
  Record<ReportFormat, (report: EvalReport, options: ReportOptions) => Iterable<string>>
> = {
  json: jsonReportChunks,
  junit: junitReportChunks,
};

/** Every report format by name; the CLI's `--format` names are derived from this map. */
export const reporters = {
  table: renderTableReport,
  md: renderMarkdownReport,
  json: renderJsonReport,
  junit: renderJunitReport,
  html: renderHtmlReport,
  baseline: (report) => renderJsonReport(slimReport(report)),
} satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof reporters;

export const REPORT_FORMATS = Object.keys(reporters) as ReportFormat[];

/** File written per format under the out folder; `table` goes to stdout, not to a file. */
const FILE_NAMES: Record<Exclude<ReportFormat, "table">, (stem: string) => string> = {
  md: (stem) => `${stem}.md`,
  json: (stem) => `${stem}.json`,
  junit: (stem) => `${stem.replace(/^report/, "junit")}.xml`,
  html: (stem) => `${stem}.html`,
  baseline: (stem) => `${stem.replace(/^report/, "baseline")}.json`,
};

/**
 * Parses a `--format` list ("table,md") into known names, in the order given, without repeats.
 *
 * @example
 * parseFormats("table, json") // ["table", "json"]
 * parseFormats("pdf")         // throws AgentRouteError USAGE listing table, md, json, junit, html, baseline
 */
export function parseFormats(list: string): ReportFormat[] {
  const names = list
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !(REPORT_FORMATS as string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new AgentRouteError(
      "USAGE",
      `unknown report format${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ") || "(none given)"}`,
      {
        hint: `Use --format with a comma-separated list of: ${REPORT_FORMATS.join(", ")}.`,
      },
    );
  }
  return [...new Set(names)] as ReportFormat[];
}

/**
 * Renders one format.
 *
 * @example
 * renderReport(report, "md").startsWith("## agentroute eval") // true
 */
export function renderReport(report: EvalReport, format: ReportFormat, options: ReportOptions = {}): string {
  return reporters[format](report, options);
}

/**
 * Writes the file formats (report.json, report.md, junit.xml, report.html, baseline.json: the
 * slim report a gate needs, see slimReport) under `outDir`,
 * creating it, and returns the paths written. `table` is skipped: the CLI prints it.
 * `stem` names the files of A/B runs ("report-a" → report-a.json, junit-a.xml).
 *
 * @example
 * await writeReports(report, "reports", ["table", "json", "html"]) // ["reports/report.json", "reports/report.html"]
 */
export async function writeReports(
  report: EvalReport,
  outDir: string,
  formats: readonly ReportFormat[],
  options: ReportOptions & { stem?: string } = {},
): Promise<string[]> {
  const written: string[] = [];
  const files = formats.filter((format): format is Exclude<ReportFormat, "table"> => format !== "table");
  if (files.length === 0) return written;
  await mkdir(outDir, { recursive: true }).catch((err: Error) => {
    throw new AgentRouteError("IO", `${outDir}: cannot create the report folder (${err.message})`, {
      hint: "Pick a writable --out folder.",
      file: outDir,
      cause: err,
    });
  });
  for (const format of files) {
    const file = path.join(outDir, FILE_NAMES[format](options.stem ?? "report"));
    const chunked = chunkedReporters[format];
    if (chunked === undefined) await writeFileSafely(file, renderReport(report, format, options), { what: "report" });
    else {
      const out = await openSafeWriter(file, { what: "report" });
      try {
        for (const chunk of chunked(report, options)) await out.write(chunk);
        await out.commit();
      } finally {
        await out.abort();
      }
    }
    written.push(file);
  }
  return written;
}
