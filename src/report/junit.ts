import type { CaseRecord, EvalReport } from "../eval/types.js";
import { confusionCell } from "../eval/confusion.js";
import { sortLabels } from "../eval/labels.js";
import { escapeXml as x, truncate } from "./escape.js";
import { formatLabels } from "./format.js";
import type { ReportOptions } from "./types.js";

/** Decides which cases are failed tests. */
type IsFailure = (c: CaseRecord) => boolean;

/**
 * JUnit XML: one `<testsuite>` per primary expected agent (none last), one `<testcase>` per
 * prompt. With `junitFailures: "misroutes"` (default) every misroute is a `<failure>`; with
 * `"flips"` only the prompts that flipped right → wrong against the gate's baseline are, so a
 * green gate shows green tests. A failure carries expected, predicted, the top of the ranking
 * and the router's reasons.
 *
 * @example
 * await writeFile("junit.xml", renderJunitReport(report, { junitFailures: "flips" }));
 */
export function renderJunitReport(report: EvalReport, options: ReportOptions = {}): string {
  return [...junitReportChunks(report, options)].join("");
}

/** `renderJunitReport` one suite head, case or tail at a time, for writing a million cases without one giant string. */
export function* junitReportChunks(report: EvalReport, options: ReportOptions = {}): Generator<string> {
  const bySuite = new Map<string, CaseRecord[]>();
  for (const c of report.cases) {
    const [label] = confusionCell(c);
    if (!bySuite.has(label)) bySuite.set(label, []);
    bySuite.get(label)!.push(c);
  }
  const flipped = new Set(report.gate?.comparison?.flipped.rightToWrong.map((f) => f.prompt) ?? []);
  const flips = options.junitFailures === "flips";
  const isFailure: IsFailure = flips ? (c) => flipped.has(c.prompt) : (c) => !c.correct;
  const failures = report.cases.filter(isFailure).length;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="agentroute eval" tests="${report.cases.length}" failures="${failures}" errors="0" timestamp="${x(report.createdAt)}">\n`;
  for (const label of sortLabels(bySuite.keys())) {
    const cases = bySuite.get(label)!;
    const suiteFailures = cases.filter(isFailure).length;
    yield `  <testsuite name="${x(`route to ${label}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n`;
    for (const c of cases) yield `${renderCase(label, c, report.dataset.path, isFailure(c), flips)}\n`;
    yield "  </testsuite>\n";
  }
  yield "</testsuites>\n";
}

function renderCase(label: string, c: CaseRecord, file: string, failed: boolean, flip: boolean): string {
  const open = `    <testcase classname="${x(`agentroute.${label}`)}" name="${x(`line ${c.line}: ${truncate(c.prompt, 120)}`)}" file="${x(file)}" line="${c.line}"`;
  if (!failed) return `${open}/>`;
  const message = `${flip ? "flipped right → wrong against the baseline: " : ""}expected ${formatLabels(c.expected)}, got ${formatLabels(c.predicted)}`;
  const ranked = c.ranked
    .slice(0, 3)
    .map((r) => `${r.agent} ${r.score}`)
    .join(", ");
  const details = [
    `prompt: ${c.prompt}`,
    `expected: ${formatLabels(c.expected)}`,
    `predicted: ${formatLabels(c.predicted)}`,
    `ranked: ${ranked || "(empty)"}`,
    `why: ${c.reasons.summary}`,
    ...c.reasons.agents.flatMap((a) => a.rules.map((rule) => `  ${a.agent}: ${rule}`)),
  ].join("\n");
  return `${open}>\n      <failure message="${x(message)}" type="${flip ? "flip" : "misroute"}">${x(details, "content")}</failure>\n    </testcase>`;
}
