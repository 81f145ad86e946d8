import path from "node:path";
import { describe, expect, it } from "vitest";
import * as agentroute from "../src/index.js";
import { REPO_ROOT } from "./helpers/shared.js";

/** The exported types, named once so a removed one fails the typecheck of this file. */
export type PublicTypes = [
  agentroute.Advice,
  agentroute.AdviseOptions,
  agentroute.AgentReason,
  agentroute.AgentSet,
  agentroute.AgentSpec,
  agentroute.CaseRecord,
  agentroute.Comparison,
  agentroute.Dataset,
  agentroute.Diagnostic,
  agentroute.DispatchRecord,
  agentroute.ErrorCode,
  agentroute.EvalReport,
  agentroute.EvaluateOptions,
  agentroute.GateResult,
  agentroute.InitOptions,
  agentroute.InitResult,
  agentroute.OpenedRouter,
  agentroute.OpenRouterOptions,
  agentroute.RankedAgent,
  agentroute.ReadTranscriptsOptions,
  agentroute.ReportFormat,
  agentroute.RouteDecision,
  agentroute.RouteMode,
  agentroute.Router,
  agentroute.RouterConfig,
  agentroute.TuneOptions,
  agentroute.TuneResult,
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
