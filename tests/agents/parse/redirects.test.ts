import { describe, expect, it } from "vitest";
import { extractRedirectNames, extractRedirects } from "../../../src/agents/parse/redirects.js";

describe("extractRedirects", () => {
  it.each([
    ["Tasks better suited for api-architect or database-admin", ["api-architect", "database-admin"]],
    ["Debugging or troubleshooting (use debugger)", ["debugger"]],
    ["Implementation tasks (use backend-engineer or frontend-engineer)", ["backend-engineer", "frontend-engineer"]],
    ["Tasks better suited for backend-engineer or debugger", ["backend-engineer", "debugger"]],
    ["Complex architecture requiring frontend-architect", ["frontend-architect"]],
    ["Schema changes → database-admin", ["database-admin"]],
    ["Schema changes -> `db-admin`", ["db-admin"]],
    ["Pen testing: delegate to security-auditor", ["security-auditor"]],
    ["Incidents: hand off to sre-oncall, then escalate to incident-commander", ["sre-oncall", "incident-commander"]],
    ["Anything the `release-manager` owns", ["release-manager"]],
    ["Tasks better suited for qa, docs, and c-d", ["qa", "docs", "c-d"]],
    ["Tasks better suited for a dedicated team", []],
    ["Frontend or UI development tasks", []],
    ["Implementation tasks (use appropriate engineer)", []],
    ["Specialized tasks better suited for dedicated frontend/backend engineers", []],
    ["Use React hooks for state (not this agent)", []],
  ])("%s → %j", (text, expected) => {
    expect(extractRedirects(text)).toEqual(expected);
  });
});

describe("extractRedirectNames", () => {
  it.each([
    ["react-specialist", ["react-specialist"]],
    ["react-specialist or vue-specialist", ["react-specialist", "vue-specialist"]],
    ["devops", ["devops"]],
    ["the devops", ["devops"]],
    ["api-architect or [framework]-api-architect", ["api-architect"]],
    ["universal/api-architect", ["api-architect"]],
  ])("%s → %j", (text, expected) => {
    expect(extractRedirectNames(text)).toEqual(expected);
  });
});
