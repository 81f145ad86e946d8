/**
 * Public library API of agentroute: open a router and route, evaluate a labeled set and render
 * or gate its report, tune, advise, read transcripts. Everything else is internal and may
 * change; tests/library.test.ts pins these names, so widening the API is a visible decision.
 */
export { AgentRouteError, isAgentRouteError } from "./errors.js";
export type { ErrorCode } from "./errors.js";

// Agents: find, load, lint.
export { resolveAgentsDir } from "./agents/load/resolve.js";
export { loadAgents } from "./agents/load/load.js";
export { lintAgents } from "./agents/lint/lint.js";
export type { AgentSet, AgentSpec, Diagnostic } from "./agents/types.js";

// Route.
export { openRouter } from "./pipeline/open.js";
export type { OpenRouterOptions, OpenedRouter } from "./pipeline/open.js";
export { resolveConfig, readConfigFile } from "./classify/config.js";
export type { RouterConfig } from "./classify/config.js";
export type { Router, RouteDecision, RankedAgent, AgentReason, RouteMode } from "./classify/types.js";

// Evaluate, report, gate.
export { evaluateAgents } from "./eval/evaluate.js";
export type { EvaluateOptions } from "./eval/evaluate.js";
export { readDataset } from "./inputs/dataset.js";
export type { CaseRecord, Dataset, EvalReport } from "./eval/types.js";
export { renderReport, writeReports, REPORT_FORMATS } from "./report/index.js";
export type { ReportFormat } from "./report/index.js";
export { readReport } from "./eval/report-schema.js";
export { checkGate } from "./eval/gate.js";
export type { GateResult } from "./eval/gate.js";
export { compareReports } from "./eval/compare.js";
export type { Comparison } from "./eval/compare.js";
export { renderComparison } from "./report/comparison.js";

// Tune and advise.
export { tuneRouter } from "./tune/tune.js";
export type { TuneOptions, TuneResult } from "./tune/tune.js";
export { renderTunedConfig } from "./tune/render.js";
export { adviseAgents } from "./advise/advise.js";
export type { AdviseOptions } from "./advise/advise.js";
export type { Advice } from "./advise/types.js";
export { renderAdviceMarkdown } from "./advise/render.js";

// Transcripts.
export { readDispatchLog, streamDispatchLog } from "./transcripts/transcripts.js";
export { projectTranscriptDir } from "./transcripts/transcript-files.js";
export type { DispatchRecord, ReadTranscriptsOptions } from "./transcripts/types.js";

// Start a project: a starter dataset, a .gitignore entry and a CI workflow.
export { initProject } from "./init/init.js";
export type { InitOptions, InitResult } from "./init/init.js";
