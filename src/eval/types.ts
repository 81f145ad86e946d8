import type { SetSource } from "../agents/types.js";
import type { DecisionReasons, RankedAgent, RouteMode } from "../classify/types.js";
import type { GateReport } from "./gate-report.js";

/** One labeled prompt. `expected` is [] when no agent should take it. */
export interface DatasetRow {
  prompt: string;
  expected: string[];
  /** Every other column (CSV) or `tags` object (JSONL), e.g. { kind: "paraphrase" }. */
  tags: Record<string, string>;
  /** 1-based line in the file where the row starts. */
  line: number;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface Dataset {
  path: string;
  /** sha256 of the file bytes. */
  hash: string;
  format: "csv" | "jsonl";
  rows: DatasetRow[];
  /** Rows read but not used, each with why (never silently dropped). */
  skipped: SkippedRow[];
  /** Rows in the file (used + skipped). */
  read: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface CaseRecord {
  prompt: string;
  expected: string[];
  predicted: string[];
  ranked: RankedAgent[];
  correct: boolean;
  tags: Record<string, string>;
  line: number;
  reasons: Pick<DecisionReasons, "summary" | "agents" | "threshold" | "jobs">;
}

export interface Interval {
  low: number;
  high: number;
}

export interface Summary {
  accuracy: number;
  macro: Omit<Prf, "support">;
  micro: Omit<Prf, "support">;
  weighted: Omit<Prf, "support">;
  none: Prf;
  top1: number;
  top3: number;
  mrr: number;
  ece: number;
  /** 95% bootstrap intervals (fixed seed). */
  ci: { accuracy: Interval; macroF1: Interval; resamples: number; seed: number };
}

export interface ReliabilityBin {
  low: number;
  high: number;
  count: number;
  confidence: number;
  accuracy: number;
}

/** The schemaVersion written; readers accept 1 too (version 2 added the optional `gate`). */
export const REPORT_SCHEMA_VERSION = 2;

/** The versioned JSON report (`report.json`). Stable: see docs/reports.md. */
export interface EvalReport {
  schemaVersion: 1 | 2;
  tool: { name: "agentroute"; version: string };
  createdAt: string;
  /** `sources`: the folders discovery read (scope, path, plugin, counts), when it ran. */
  agents: { path: string; count: number; hash: string; sources?: SetSource[] };
  dataset: { path: string; rows: number; read: number; skipped: SkippedRow[]; hash: string };
  mode: { kind: RouteMode; model: string | null };
  config: Record<string, unknown>;
  summary: Summary;
  perAgent: Record<string, Prf>;
  confusion: { labels: string[]; matrix: number[][] };
  byTag: Record<string, Record<string, { rows: number; accuracy: number; macroF1: number }>>;
  calibration: { bins: ReliabilityBin[] };
  cases: CaseRecord[];
  /** With `--baseline` or `--min-macro-f1`: the gate's verdict, changes and flipped prompts. */
  gate?: GateReport;
}
