import { readRegularFile } from "../util/safe-read.js";
import { z } from "zod";
import { AgentRouteError } from "../errors.js";
import type { EvalReport } from "./types.js";

const num = z.number().finite();
const prf = z.object({ precision: num, recall: num, f1: num, support: num });
const avg = z.object({ precision: num, recall: num, f1: num });
const interval = z.object({ low: num, high: num });
const ranked = z.object({ agent: z.string(), score: num });
const agentReason = z.object({
  agent: z.string(),
  score: num,
  matchedTriggers: z.array(z.string()),
  bestPiece: z.object({ kind: z.string(), text: z.string(), line: num, similarity: num }).nullable(),
  rules: z.array(z.string()),
  features: z.record(z.string(), num),
  source: z
    .object({
      kind: z.enum(["agent", "skill"]),
      scope: z.enum(["project", "user", "plugin", "folder"]).optional(),
      file: z.string(),
    })
    .optional(),
});
const caseRecord = z.object({
  prompt: z.string(),
  expected: z.array(z.string()),
  predicted: z.array(z.string()),
  ranked: z.array(ranked),
  correct: z.boolean(),
  tags: z.record(z.string(), z.string()),
  line: num,
  reasons: z.object({
    summary: z.string(),
    agents: z.array(agentReason),
    threshold: num,
    jobs: z.array(z.object({ text: z.string(), agent: z.string(), score: num })).optional(),
  }),
});

const flippedCase = z.object({
  prompt: z.string(),
  line: num,
  expected: z.array(z.string()),
  before: z.array(z.string()),
  after: z.array(z.string()),
  reason: z.string(),
  confidence: z.object({ before: num, after: num }),
});
const comparison = z.object({
  metrics: z.array(z.object({ metric: z.string(), a: num, b: num, delta: num, ci: interval.nullable() })),
  agents: z.array(
    z.object({
      agent: z.string(),
      a: num.nullable(),
      b: num.nullable(),
      delta: num.nullable(),
      support: num,
      ci: interval.nullable(),
    }),
  ),
  flipped: z.object({
    rightToWrong: z.array(flippedCase),
    wrongToRight: z.array(flippedCase),
    wrongToWrong: z.array(flippedCase),
  }),
  unmatched: z.object({ onlyA: num, onlyB: num }),
  sameDataset: z.boolean(),
  deltaCi: z.object({ accuracy: interval, macroF1: interval, pairs: num, resamples: num, seed: num }).nullable(),
});
const gate = z.object({
  passed: z.boolean(),
  baseline: z.object({ path: z.string(), createdAt: z.string() }).nullable(),
  limits: z.object({ maxDrop: num, maxAgentDrop: num, minMacroF1: num.nullable() }),
  failures: z.array(
    z.looseObject({ metric: z.string(), baseline: num.nullable(), current: num.nullable(), message: z.string() }),
  ),
  notes: z.array(z.string()),
  comparison: comparison.nullable(),
});

/**
 * The zod schema of report.json, used to read baselines and compare inputs: schemaVersion 2
 * (written today) or 1 (the same without `gate`).
 */
export const EvalReportSchema: z.ZodType<EvalReport> = z.object({
  schemaVersion: z.union([z.literal(1), z.literal(2)]),
  tool: z.object({ name: z.literal("agentroute"), version: z.string() }),
  createdAt: z.string(),
  agents: z.object({
    path: z.string(),
    count: num,
    hash: z.string(),
    sources: z
      .array(
        z.object({
          scope: z.enum(["project", "user", "plugin", "folder"]),
          path: z.string(),
          plugin: z.string().optional(),
          agents: num,
          skills: num,
        }),
      )
      .optional(),
  }),
  dataset: z.object({
    path: z.string(),
    rows: num,
    read: num,
    skipped: z.array(z.object({ line: num, reason: z.string() })),
    hash: z.string(),
  }),
  mode: z.object({ kind: z.enum(["embeddings", "keyword"]), model: z.string().nullable() }),
  config: z.record(z.string(), z.unknown()),
  summary: z.object({
    accuracy: num,
    macro: avg,
    micro: avg,
    weighted: avg,
    none: prf,
    top1: num,
    top3: num,
    mrr: num,
    ece: num,
    ci: z.object({ accuracy: interval, macroF1: interval, resamples: num, seed: num }),
  }),
  perAgent: z.record(z.string(), prf),
  confusion: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(num)) }),
  byTag: z.record(z.string(), z.record(z.string(), z.object({ rows: num, accuracy: num, macroF1: num }))),
  calibration: z.object({
    bins: z.array(z.object({ low: num, high: num, count: num, confidence: num, accuracy: num })),
  }),
  cases: z.array(caseRecord),
  gate: gate.optional(),
});

/** Largest report.json read: a 1M-row dataset's cases, about 500 bytes each. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/**
 * Reads and validates a report.json (a baseline, or an input of `compare`).
 *
 * @example
 * const baseline = await readReport("reports/baseline.json");
 * baseline.summary.macro.f1 // 0.83
 */
export async function readReport(file: string): Promise<EvalReport> {
  const hint =
    "Regenerate it with: agentroute eval --agents DIR --dataset FILE --format json (then copy reports/report.json).";
  const text = (await readRegularFile(file, MAX_REPORT_BYTES, { what: "report", hint })).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AgentRouteError("BASELINE_INVALID", `${file}: not valid JSON (${(err as Error).message})`, {
      hint,
      file,
      cause: err,
    });
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== 1 && version !== 2) {
    throw new AgentRouteError(
      "BASELINE_INVALID",
      `${file}: schemaVersion ${JSON.stringify(version)} is not supported (expected 1 or 2)`,
      { hint, file },
    );
  }
  const parsed = EvalReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AgentRouteError(
      "BASELINE_INVALID",
      `${file}: not an agentroute report: ${issue?.message ?? "invalid"} at "${issue?.path.join(".") ?? ""}"`,
      { hint, file },
    );
  }
  return parsed.data;
}
