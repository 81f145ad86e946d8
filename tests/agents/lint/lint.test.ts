import { describe, expect, it } from "vitest";
import { countSeverities, lintAgents } from "../../../src/agents/lint/lint.js";
import { buildLintReport } from "../../../src/agents/lint/report.js";
import { parseAgentFile } from "../../../src/agents/parse/parse.js";
import type { AgentSet, AgentSpec, Diagnostic } from "../../../src/agents/types.js";

/** A set built in memory from file texts, the way loadAgents would build it. */
function makeSet(files: Record<string, string>): AgentSet {
  const agents: AgentSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [file, text] of Object.entries(files)) {
    const result = parseAgentFile(text, file);
    if (result.agent) agents.push(result.agent);
    diagnostics.push(...result.diagnostics);
  }
  return { root: "/set", agents, diagnostics, hash: "x" };
}

const agent = (name: string, description: string, body = "") => `---\nname: ${name}\ndescription: ${JSON.stringify(description)}\n---\n${body}`;
const rows = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.file, d.line, d.severity, d.code]);

describe("lintAgents", () => {
  it("is quiet on a clean set", () => {
    const set = makeSet({ "a.md": agent("a", 'Triggers on "alpha".'), "b.md": agent("b", 'Triggers on "beta".') });
    expect(lintAgents(set)).toEqual([]);
  });

  it("warns when the name differs from the file name", () => {
    const set = makeSet({ "tailwind-css-expert.md": agent("tailwind-frontend-expert", 'Triggers on "css".') });
    expect(rows(lintAgents(set))).toEqual([["tailwind-css-expert.md", 2, "warning", "name-mismatch"]]);
  });

  it("reports a duplicate name on both files", () => {
    const set = makeSet({ "a.md": agent("a", 'Triggers on "x".'), "sub/a.md": agent("a", 'Triggers on "y".') });
    const found = lintAgents(set);
    expect(rows(found)).toEqual([["a.md", 2, "error", "duplicate-name"], ["sub/a.md", 2, "error", "duplicate-name"]]);
    expect(found[0]?.message).toBe('agent name "a" is also used by sub/a.md');
  });

  it("warns on redirects to agents that are not in the set, at the bullet's line", () => {
    const body = "## When NOT to Engage\n- Schema work (use db-admin)\n- Tests (use b)\n";
    const set = makeSet({ "a.md": agent("a", 'Triggers on "x".', body), "b.md": agent("b", 'Triggers on "y".') });
    const found = lintAgents(set);
    expect(rows(found)).toEqual([["a.md", 6, "warning", "unknown-redirect"]]);
    expect(found[0]?.message).toBe('"Schema work (use db-admin)" redirects to "db-admin", which is not an agent in this set');
  });

  it("warns once per trigger phrase shared by several agents, ignoring case", () => {
    const set = makeSet({
      "a.md": agent("a", 'Triggers on "Database", "x".'),
      "b.md": agent("b", 'Triggers on "database".'),
      "c.md": agent("c", 'Triggers on "DATABASE", "y".'),
    });
    const found = lintAgents(set);
    expect(rows(found)).toEqual([["a.md", 3, "warning", "shared-trigger"]]);
    expect(found[0]?.message).toBe('trigger "database" is shared by a, b, c');
  });

  it("gives advice (info) for agents with neither triggers nor examples", () => {
    const set = makeSet({ "a.md": agent("a", "Handles things."), "b.md": agent("b", '<example>user: "hi"</example>') });
    expect(rows(lintAgents(set))).toEqual([["a.md", 3, "info", "hard-to-route"]]);
  });

  it("warns on descriptions over the limit (1024 by default, configurable)", () => {
    const set = makeSet({ "a.md": agent("a", `Triggers on "x". ${"word ".repeat(300)}`) });
    expect(rows(lintAgents(set))).toEqual([["a.md", 3, "warning", "long-description"]]);
    expect(lintAgents(set, { maxDescriptionChars: 5000 })).toEqual([]);
  });

  it("includes the set's parse diagnostics, sorted by file, line and code", () => {
    const set = makeSet({
      "z.md": "---\nname: z\ndescription: Use when a. Triggers on: 'q'\n---\n",
      "b.md": "---\ndescription: no name\n---\n",
      "a.md": agent("a", 'Triggers on "q".'),
    });
    expect(rows(lintAgents(set))).toEqual([
      ["a.md", 3, "warning", "shared-trigger"],
      ["b.md", 2, "error", "missing-name"],
      ["z.md", 3, "error", "malformed-frontmatter"],
    ]);
  });

  it("reports an empty set as an error", () => {
    expect(rows(lintAgents(makeSet({})))).toEqual([[".", 1, "error", "no-agents"]]);
  });

  it("counts severities", () => {
    const set = makeSet({ "a.md": agent("a", "x"), "b.md": "---\nname: b\n---\n" });
    expect(countSeverities(lintAgents(set))).toEqual({ error: 1, warning: 0, info: 1 });
  });
});

describe("buildLintReport", () => {
  it("projects agents onto the documented --json shape, nothing more", () => {
    const body = "## Core Capabilities\n- APIs\n## When to Engage\n- API work\n## When NOT to Engage\n- UI (use ui-dev)\n";
    const set = makeSet({ "a.md": agent("a", 'MUST BE USED for APIs. Use PROACTIVELY for schemas. Triggers on "api". <example>user: "add an endpoint"</example>', body) });
    const report = buildLintReport(set, lintAgents(set));
    expect(report).toEqual({
      agents: [{
        name: "a",
        file: "a.md",
        triggers: [{ text: "api", line: 3 }],
        mustBeUsed: [{ text: "APIs", line: 3 }],
        proactive: [{ text: "schemas", line: 3 }],
        engage: [{ text: "API work", line: 8 }],
        notEngage: [{ text: "UI (use ui-dev)", line: 10, redirects: ["ui-dev"] }],
        capabilities: [{ text: "APIs", line: 6 }],
        examples: [{ user: "add an endpoint", line: 3 }],
      }],
      diagnostics: [{ file: "a.md", line: 10, severity: "warning", code: "unknown-redirect", message: '"UI (use ui-dev)" redirects to "ui-dev", which is not an agent in this set', hint: "Add an agent named ui-dev, or point the bullet at an agent that exists." }],
    });
  });
});
