import type { EvalReport } from "../eval/types.js";

export interface ReportOptions {
  /** How many misrouted prompts to list in Markdown (HTML and JUnit list all). Default 20. */
  maxMisroutes?: number;
  /** How many confusion pairs to list. Default 10. */
  maxConfusions?: number;
  /** Where report.md links the HTML report (a CI artefact URL). Default "report.html". */
  htmlLink?: string;
  /** What JUnit counts as a failed test: every misroute (default) or prompts that flipped right → wrong. */
  junitFailures?: JunitFailures;
  /** Colour the terminal table (ANSI). Default false. */
  colour?: boolean;
}

export const JUNIT_FAILURES = ["misroutes", "flips"] as const;
export type JunitFailures = (typeof JUNIT_FAILURES)[number];

/** A pure renderer: report in, text out. `writeReports` does the I/O. */
export type Reporter = (report: EvalReport, options?: ReportOptions) => string;
