import { describe, expect, it } from "vitest";
import { normalizeAgentName } from "../../src/agents/names.js";
import type { AgentSpec } from "../../src/agents/types.js";
import { agentPieces, redirectedPieces, stripRedirect } from "../../src/indexing/pieces.js";

function spec(name: string, notEngage: { text: string; redirects: string[] }[] = []): AgentSpec {
  return {
    name,
    file: `${name}.md`,
    path: `/x/${name}.md`,
    description: `${name} work.`,
    descriptionLine: 3,
    tools: [],
    frontmatter: {},
    triggers: [
      { text: "alpha", line: 3 },
      { text: "beta gamma", line: 3 },
    ],
    mustBeUsed: [],
    proactive: [],
    descriptionClauses: [{ text: `${name} work.`, line: 3 }],
    engage: [],
    capabilities: [],
    examples: [],
    notEngage: notEngage.map((n, i) => ({ ...n, line: 10 + i })),
    body: "",
    bodyLine: 5,
  };
}

describe("agent pieces", () => {
  it("cuts an agent into named, deduplicated pieces with lines", () => {
    const pieces = agentPieces(spec("backend-engineer"), 0);
    expect(pieces.map((p) => [p.kind, p.text])).toEqual([
      ["name", "backend engineer"],
      ["description", "backend-engineer work."],
      ["trigger", "alpha, beta gamma"],
    ]);
  });

  it.each([
    ["Browser end-to-end test suites (use test-automator)", "Browser end-to-end test suites"],
    ["Security reviews → `security-auditor`", "Security reviews"],
    ["Query tuning on an existing schema (use database-specialist or devops)", "Query tuning on an existing schema"],
  ])("strips the redirect from %j", (text, stripped) => {
    expect(stripRedirect(text, ["test-automator", "security-auditor", "database-specialist", "devops"])).toBe(stripped);
  });

  it("gives a redirected bullet to its target, and skips bullets that only say who", () => {
    const agents = [
      spec("api", [
        { text: "Query tuning on an existing schema (use db)", redirects: ["db"] },
        { text: "Tasks better suited for db or ghost", redirects: ["db", "ghost"] },
      ]),
      spec("db"),
    ];
    const own = agents.flatMap((a, i) => agentPieces(a, i));
    const extra = redirectedPieces(own, agents, normalizeAgentName);
    expect(extra).toEqual([{ agent: 1, kind: "redirected", text: "Query tuning on an existing schema", line: 10 }]);
  });
});
