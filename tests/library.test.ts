import path from "node:path";
import { describe, expect, it } from "vitest";
import * as agentroute from "../src/index.js";
import type {
  Advice,
  AdviseOptions,
  AgentReason,
  AgentSet,
  AgentSpec,
  CaseRecord,
  Comparison,
  Dataset,
  Diagnostic,
  DispatchRecord,
  ErrorCode,
  EvalReport,
  EvaluateOptions,
  GateResult,
  InitOptions,
  InitResult,
  OpenedRouter,
  OpenRouterOptions,
  RankedAgent,
  ReadTranscriptsOptions,
  ReportFormat,
  RouteDecision,
  RouteMode,
  Router,
  RouterConfig,
  TuneOptions,
  TuneResult,
} from "../src/index.js";
import { REPO_ROOT } from "./helpers/shared.js";

/** The exported types, named once so a removed one fails the typecheck of this file. */
export type PublicTypes = [
  Advice,
  AdviseOptions,
  AgentReason,
  AgentSet,
  AgentSpec,
  CaseRecord,
  Comparison,
  Dataset,
  Diagnostic,
  DispatchRecord,
  ErrorCode,
  EvalReport,
  EvaluateOptions,
  GateResult,
  InitOptions,
  InitResult,
  OpenedRouter,
  OpenRouterOptions,
  RankedAgent,
  ReadTranscriptsOptions,
  ReportFormat,
  RouteDecision,
  RouteMode,
  Router,
  RouterConfig,
  TuneOptions,
  TuneResult,
];

describe("library entry", () => {
  it("exports exactly the public names: widening the API is a visible decision", () => {
    expect(Object.keys(agentroute).sort()).toEqual([
      "AgentRouteError",
      "REPORT_FORMATS",
      "adviseAgents",
      "checkGate",
      "compareReports",
      "evaluateAgents",
      "initProject",
      "isAgentRouteError",
      "lintAgents",
      "loadAgents",
      "openRouter",
      "projectTranscriptDir",
      "readConfigFile",
      "readDataset",
      "readDispatchLog",
      "readReport",
      "renderAdviceMarkdown",
      "renderComparison",
      "renderReport",
      "renderTunedConfig",
      "resolveAgentsDir",
      "resolveConfig",
      "streamDispatchLog",
      "tuneRouter",
      "writeReports",
    ]);
  });

  it("routes through the same path as the CLI", async () => {
    const { router, close } = await agentroute.openRouter({
      agentsDir: path.join(REPO_ROOT, "agents"),
      cwd: REPO_ROOT,
      embeddings: false,
      cacheDir: null,
    });
    const decision = await router.route("our Jest snapshots keep breaking");
    expect(decision.dispatch).toEqual(["test-automator"]);
    const many = await router.routeMany(["add an index to the orders table", "write a haiku about autumn"]);
    expect(many.map((d) => d.prompt)).toEqual(["add an index to the orders table", "write a haiku about autumn"]);
    await close();
    const set = await agentroute.loadAgents(path.join(REPO_ROOT, "agents"));
    expect(set.agents).toHaveLength(12);
    expect(agentroute.lintAgents(set).map((d) => d.code)).toContain("unknown-redirect");
  });
});
