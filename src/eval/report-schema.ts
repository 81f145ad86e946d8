import { readFile } from "node:fs/promises";
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
  reasons: z.object({ summary: z.string(), agents: z.array(agentReason), threshold: num }),
});

/** The zod schema of report.json (schemaVersion 1), used to read baselines and compare inputs. */
export const EvalReportSchema: z.ZodType<EvalReport> = z.object({
  schemaVersion: z.literal(1),
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
});

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
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new AgentRouteError(
      err.code === "ENOENT" ? "NOT_FOUND" : "IO",
      `${file}: cannot read the report (${err.code ?? err.message})`,
      { hint, file, cause: err },
    );
  });
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
  if (version !== 1) {
    throw new AgentRouteError(
      "BASELINE_INVALID",
      `${file}: schemaVersion ${JSON.stringify(version)} is not supported (expected 1)`,
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
