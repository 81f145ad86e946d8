import { beforeAll, expect, it } from "vitest";
import { loadAgents } from "../../src/agents/load/load.js";
import type { AgentSet, AgentSpec } from "../../src/agents/types.js";
import { describeShared, sharedPath } from "../helpers/shared.js";

const SETS = {
  "claude-config-12": 12,
  "claude-config-28": 28,
  "wshobson-agents": 84,
  "voltagent-subagents": 158,
  "vijaythecoder-agents": 26,
  "banking77-k10": 77,
} as const;

const BROKEN_VOLTAGENT = [
  "ab-test-analysis.md", "assumption-mapping.md", "backlog-grooming.md", "cohort-analysis.md",
  "first-principles-thinking.md", "gdpr-ccpa-compliance.md", "growth-loops.md", "hipaa-compliance.md",
];

const sets = new Map<string, AgentSet>();
const agent = (set: string, name: string): AgentSpec => {
  const found = sets.get(set)?.agents.find((a) => a.name === name);
  if (!found) throw new Error(`${set}/${name} not loaded`);
  return found;
};

describeShared("real agent sets in ../shared/agent-sets", () => {
  beforeAll(async () => {
    for (const name of Object.keys(SETS)) sets.set(name, await loadAgents(sharedPath("agent-sets", name)));
  });

  it.each(Object.entries(SETS))("%s: every file parses into an agent (%i)", (name, count) => {
    const set = sets.get(name) as AgentSet;
    expect(set.agents).toHaveLength(count);
    const expected = name === "voltagent-subagents" ? BROKEN_VOLTAGENT.map((f) => [f, 3, "error", "malformed-frontmatter"]) : [];
    expect(set.diagnostics.map((d) => [d.file, d.line, d.severity, d.code])).toEqual(expected);
  });

  it("voltagent: the 8 broken files are recovered and say so", () => {
    const set = sets.get("voltagent-subagents") as AgentSet;
    for (const d of set.diagnostics) expect(d.message).toMatch(/recovered with the line-based reader$/);
    expect(agent("voltagent-subagents", "hipaa-compliance").triggers.map((t) => t.text)).toEqual(
      ["HIPAA", "protected health information", "PHI", "healthcare compliance", "covered entity", "business associate", "BAA", "HITECH", "health data"]);
  });

  it("golden: claude-config-12 backend-engineer", () => {
    const a = agent("claude-config-12", "backend-engineer");
    const { body: _body, frontmatter: _front, path: _path, description: _description, ...spec } = a;
    expect(spec).toEqual({
      name: "backend-engineer",
      nameLine: 2,
      file: "backend-engineer.md",
      descriptionLine: 3,
      tools: ["Read", "Write", "Edit", "Bash", "Grep", "Glob"],
      model: "sonnet",
      color: "blue",
      triggers: ["backend", "server", "api", "microservice", "database", "distributed"].map((text) => ({ text, line: 3 })),
      mustBeUsed: [{ text: "server-side architecture, microservices, distributed systems, and database engineering", line: 3 }],
      proactive: [{ text: "high-performance optimization (>10k RPS), event-driven architecture, and complex backend infrastructure", line: 3 }],
      descriptionClauses: [
        { text: "MUST BE USED for server-side architecture, microservices, distributed systems, and database engineering", line: 3 },
        { text: "Use PROACTIVELY for high-performance optimization (>10k RPS), event-driven architecture, and complex backend infrastructure", line: 3 },
        { text: 'Triggers on "backend", "server", "api", "microservice", "database", "distributed"', line: 3 },
      ],
      engage: [
        { text: "Backend service or API development needed", line: 31 },
        { text: "Microservices architecture design or implementation", line: 32 },
        { text: "Database schema design or optimization required", line: 33 },
        { text: "Performance issues requiring >10k RPS handling", line: 34 },
        { text: "Event-driven or message queue implementation needed", line: 35 },
      ],
      notEngage: [
        { text: "Frontend or UI development tasks", line: 39, redirects: [] },
        { text: "Tasks better suited for api-architect or database-admin", line: 40, redirects: ["api-architect", "database-admin"] },
      ],
      capabilities: [
        { text: "Distributed systems: Service mesh, consensus algorithms, CAP theorem, distributed transactions", line: 23 },
        { text: "Performance optimization: Sub-100ms latency, 100k+ RPS handling, horizontal scaling patterns", line: 24 },
        { text: "Database engineering: SQL/NoSQL optimization, sharding, replication, query optimization", line: 25 },
        { text: "Event-driven architecture: Kafka, RabbitMQ, event streaming, async processing patterns", line: 26 },
        { text: "Cloud-native development: AWS/GCP/Azure services, serverless, containerization, multi-region", line: 27 },
      ],
      examples: [],
      bodyLine: 12,
    });
    expect(a.frontmatter["thinking-tokens"]).toBe(10000);
    expect(a.body.startsWith("\n# Backend Engineer\n")).toBe(true);
  });

  it("golden: vijaythecoder code-reviewer (block-scalar examples and delegations)", () => {
    const a = agent("vijaythecoder-agents", "code-reviewer");
    expect(a.descriptionClauses).toEqual([
      { text: "Expert code reviewer who ensures quality, security, and maintainability across any programming language", line: 4 },
      { text: "Provides actionable feedback to improve code", line: 4 },
    ]);
    expect(a.examples).toEqual([
      { user: "I've finished implementing the payment system", line: 7, context: "Developer completed a feature", assistant: "I'll use the code-reviewer to review your payment system implementation", commentary: "Payment systems require thorough review for security, error handling, and correctness" },
      { user: "Can you review this PR before I merge?", line: 15, context: "Before merging a pull request", assistant: "Let me use the code-reviewer to thoroughly examine the changes", commentary: "Pre-merge reviews catch issues before they reach main branch" },
      { user: "I'm a junior developer, can you review my code and help me improve?", line: 23, context: "Learning from code review", assistant: "I'll use the code-reviewer to provide detailed feedback and learning opportunities", commentary: "Educational reviews help developers grow while improving code quality" },
    ]);
    expect(a.notEngage).toEqual([
      { text: "Security vulnerabilities found", line: 34, redirects: ["security-guardian"] },
      { text: "Performance issues identified", line: 39, redirects: ["performance-optimizer"] },
      { text: "Major refactoring needed", line: 44, redirects: ["refactoring-expert"] },
    ]);
    expect([a.tools, a.triggers, a.mustBeUsed, a.proactive, a.engage, a.capabilities.length]).toEqual([["Read", "Grep", "Glob", "Bash"], [], [], [], [], 15]);
  });

  it("golden: vijaythecoder tailwind-css-expert routes by its name, not its file", () => {
    const a = agent("vijaythecoder-agents", "tailwind-frontend-expert");
    expect([a.file, a.examples.map((e) => e.user)]).toEqual(["tailwind-css-expert.md",
      ["Create a responsive navigation bar", "The API is ready at /api/products, now I need the frontend", "This page doesn't look good on mobile"]]);
  });

  it("golden: wshobson backend-security-coder ('When to Use vs' section) and debugger (lower-case proactively)", () => {
    const a = agent("wshobson-agents", "backend-security-coder");
    expect(a.proactive).toEqual([{ text: "backend security implementations or security code reviews", line: 3 }]);
    expect(a.engage).toEqual([{ text: "Hands-on backend security coding, API security implementation, database security configuration, authentication system coding, vulnerability fixes", line: 13 }]);
    expect(a.notEngage).toEqual([{ text: "High-level security audits, compliance assessments, DevSecOps pipeline design, threat modeling, security architecture reviews, penetration testing planning", line: 14, redirects: ["security-auditor"] }]);
    expect([a.capabilities.length, a.capabilities[0], a.model, a.tools]).toEqual([54, { text: "Input validation and sanitization: Comprehensive input validation frameworks, allowlist approaches, data type enforcement", line: 20 }, "opus", []]);
    expect(agent("wshobson-agents", "debugger").proactive).toEqual([{ text: "encountering any issues", line: 3 }]);
  });

  it("golden: voltagent api-designer ('Use this agent when' lives in the clauses)", () => {
    const a = agent("voltagent-subagents", "api-designer");
    expect(a.descriptionClauses).toEqual([
      { text: "Use this agent when designing new APIs, creating API specifications, or refactoring existing API architecture for scalability and developer experience", line: 3 },
      { text: "Invoke when you need REST/GraphQL endpoint design, OpenAPI documentation, authentication patterns, or API versioning strategies", line: 3 },
    ]);
    expect([a.triggers, a.mustBeUsed, a.proactive, a.engage, a.notEngage, a.examples]).toEqual([[], [], [], [], [], []]);
  });

  it("golden: banking77 activate-my-card (10 one-line examples, one per line)", () => {
    const a = agent("banking77-k10", "activate-my-card");
    expect(a.descriptionClauses).toEqual([{ text: "Use this agent for requests about activate my card", line: 4 }]);
    expect(a.examples.map((e) => e.line)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(a.examples[0]).toEqual({ user: "What would II do if I wanted to activate my new card", line: 5 });
    expect(a.examples[9]).toEqual({ user: "Is my new card activated?", line: 14 });
  });

  it("cue totals per set stay put (catches silent extraction regressions)", () => {
    const totals = Object.fromEntries([...sets].map(([name, set]) => [name, (["triggers", "mustBeUsed", "proactive", "engage", "notEngage", "examples"] as const)
      .map((key) => set.agents.reduce((n, a) => n + a[key].length, 0))]));
    expect(totals).toEqual({
      "claude-config-12": [102, 12, 3, 74, 28, 0],
      "claude-config-28": [0, 19, 19, 140, 56, 0],
      "wshobson-agents": [0, 0, 81, 3, 3, 0],
      "voltagent-subagents": [57, 0, 0, 0, 0, 0],
      "vijaythecoder-agents": [0, 0, 0, 0, 71, 77],
      "banking77-k10": [0, 0, 0, 0, 0, 770],
    });
  });
});
