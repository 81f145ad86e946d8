import type { EvalReport } from "../eval/types.js";

export interface ReportOptions {
  /** How many misrouted prompts to list in Markdown (HTML and JUnit list all). Default 20. */
  maxMisroutes?: number;
  /** How many confusion pairs to list. Default 10. */
  maxConfusions?: number;
}

/** A pure renderer: report in, text out. `writeReports` does the I/O. */
export type Reporter = (report: EvalReport, options?: ReportOptions) => string;
