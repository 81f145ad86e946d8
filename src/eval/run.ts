import { AgentRouteError } from "../errors.js";
import type { RouteDecision, Router } from "../classify/types.js";
import { TOOL_NAME, VERSION } from "../version.js";
import { computeCalibration } from "./calibration.js";
import { computeConfusion } from "./confusion.js";
import { NONE_LABEL } from "./labels.js";
import { isExactMatch } from "./metrics.js";
import { computeByTag, computePerAgent, computeSummary, round4 } from "./summary.js";
import { REPORT_SCHEMA_VERSION, type CaseRecord, type Dataset, type DatasetRow, type EvalReport } from "./types.js";

export interface EvalMeta {
  /** The agent folder as the user named it, its agent count and hash (AgentSet.hash). */
  agents: EvalReport["agents"];
  /** The effective router configuration, recorded so a run can be repeated. */
  config: Record<string, unknown>;
  /** Progress callback for a terminal bar. */
  onProgress?: (done: number, total: number) => void;
  /** Fixed clock for tests; default now. */
  now?: () => Date;
}

/**
 * Routes every dataset prompt in one batched call and builds the versioned report: cases in
 * dataset order, per-agent scores (every agent in the set, plus none), confusion matrix,
 * breakdowns by tag and calibration. Everything but `createdAt` is deterministic.
 *
 * @example
 * const { router, agentSet, config } = await openRouter({ agentsDir: "agents" });
 * const dataset = await readDataset("datasets/example.csv", { agentNames: router.agentNames });
 * const report = await runEval(router, dataset, { agents: { path: "agents", count: agentSet.agents.length, hash: agentSet.hash }, config });
 * report.summary.macro.f1 // 0.81
 */
export async function runEval(router: Router, dataset: Dataset, meta: EvalMeta): Promise<EvalReport> {
  if (dataset.rows.length === 0) {
    throw new AgentRouteError(
      "DATASET_INVALID",
      `${dataset.path}: no usable rows (${dataset.read} read, ${dataset.skipped.length} skipped)`,
      {
        hint: "Add labeled rows: a prompt and the expected agent names (empty for none).",
        file: dataset.path,
      },
    );
  }
  if (router.agentNames.includes(NONE_LABEL)) {
    throw new AgentRouteError(
      "DATASET_INVALID",
      `an agent is named "${NONE_LABEL}", which eval reserves for "no agent"`,
      {
        hint: "Rename that agent to evaluate this set.",
      },
    );
  }
  const decisions = await router.routeMany(
    dataset.rows.map((row) => row.prompt),
    meta.onProgress,
  );
  const cases = dataset.rows.map((row, i) => toCase(row, decisions[i]!));
  const agentNames = [...router.agentNames];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: VERSION },
    createdAt: (meta.now?.() ?? new Date()).toISOString(),
    agents: meta.agents,
    dataset: {
      path: dataset.path,
      rows: dataset.rows.length,
      read: dataset.read,
      skipped: dataset.skipped,
      hash: dataset.hash,
    },
    mode: { kind: router.mode, model: router.model },
    config: meta.config,
    summary: computeSummary(cases),
    perAgent: computePerAgent(cases, agentNames),
    confusion: computeConfusion(cases, [...agentNames, NONE_LABEL]),
    byTag: computeByTag(cases),
    calibration: {
      bins: computeCalibration(cases).bins.map((bin) => ({
        ...bin,
        confidence: round4(bin.confidence),
        accuracy: round4(bin.accuracy),
      })),
    },
    cases,
  };
}

function toCase(row: DatasetRow, decision: RouteDecision): CaseRecord {
  const predicted = [...decision.dispatch];
  return {
    prompt: row.prompt,
    expected: row.expected,
    predicted,
    ranked: decision.ranked,
    correct: isExactMatch({ expected: row.expected, predicted }),
    tags: row.tags,
    line: row.line,
    reasons: {
      summary: decision.reasons.summary,
      agents: decision.reasons.agents,
      threshold: decision.reasons.threshold,
      ...(decision.reasons.jobs ? { jobs: decision.reasons.jobs } : {}),
    },
  };
}
