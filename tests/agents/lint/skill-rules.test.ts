import { describe, expect, it } from "vitest";
import { discoverAgents } from "../../../src/agents/discover/discover.js";
import { lintAgents } from "../../../src/agents/lint/lint.js";
import { isNameOnly, SKILL_ENTRY_CAP } from "../../../src/agents/lint/skill-rules.js";
import { parseAgentFile } from "../../../src/agents/parse/parse.js";
import type { AgentSet, AgentSpec } from "../../../src/agents/types.js";
import { describeShared, sharedPath } from "../../helpers/shared.js";

function parseSkill(name: string, description: string, whenToUse?: string): AgentSpec {
  const extra = whenToUse === undefined ? "" : `when_to_use: ${JSON.stringify(whenToUse)}\n`;
  const text = `---\nname: ${name}\ndescription: ${JSON.stringify(description)}\n${extra}---\nBody\n`;
  const { agent } = parseAgentFile(text, `${name}/SKILL.md`, { kind: "skill" });
  return agent!;
}

const setOf = (agents: AgentSpec[]): AgentSet => ({ root: "/x", agents, diagnostics: [], hash: "h" });
const codes = (set: AgentSet) => lintAgents(set).map((d) => d.code);

describe("skill lint rules", () => {
  it("warns when description + when_to_use pass the 1,536-character listing entry", () => {
    const fits = parseSkill("a", "d".repeat(1000), "w".repeat(SKILL_ENTRY_CAP - 1003));
    const over = parseSkill("b", "d".repeat(1000), "w".repeat(SKILL_ENTRY_CAP - 1002));
    expect(codes(setOf([fits]))).not.toContain("skill-entry-truncated");
    const found = lintAgents(setOf([over])).find((d) => d.code === "skill-entry-truncated")!;
    expect(found.message).toBe(
      "description + when_to_use is 1537 characters; Claude Code lists the first 1536 and drops the last 1",
    );
  });

  it("warns once when all skills together pass the listing budget, naming the longest", () => {
    const skills = Array.from({ length: 20 }, (_, i) => parseSkill(`s${i}`, `Use when ${"x".repeat(380 + i)}.`));
    const found = lintAgents(setOf(skills)).filter((d) => d.code === "skill-listing-over-budget");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^the 20 skills' listing is \d+ characters, over Claude Code's budget of about 8000/);
    expect(found[0]!.message).toContain('Longest: "s19"');
    expect(codes(setOf(skills.slice(0, 5)))).not.toContain("skill-listing-over-budget");
    expect(lintAgents(setOf(skills), { skillListingBudget: 1e6 }).map((d) => d.code)).not.toContain(
      "skill-listing-over-budget",
    );
  });

  it.each([
    ["code-reviewer", "Code reviewer.", true],
    ["code-reviewer", "A code reviewer agent", true],
    ["superpowers:brainstorming", "Brainstorming", true],
    ["code-reviewer", "Use when a pull request needs review.", false],
    ["pdf", "", false],
  ])("isNameOnly(%j, %j) is %s", (name, description, expected) => {
    expect(isNameOnly(name, description)).toBe(expected);
  });

  it("takes a skill's name from its folder when the frontmatter has none, and checks the folder name", () => {
    const unnamed = parseAgentFile("---\ndescription: Use when filling PDF forms.\n---\n", "pdf/SKILL.md", { kind: "skill" });
    expect(unnamed.agent!.name).toBe("pdf");
    expect(unnamed.diagnostics).toEqual([]);
    const moved = parseSkill("pdf-forms", "Use when filling PDF forms.");
    moved.file = "pdf/SKILL.md";
    expect(lintAgents(setOf([moved])).find((d) => d.code === "name-mismatch")!.message).toBe(
      'skill name "pdf-forms" differs from the folder name "pdf"',
    );
  });

  it("reads <example> blocks written with literal \\n escapes, and flags them", () => {
    // In the file: "…a refactor.\\nuser: \"Why…\"…": YAML keeps \\n as a backslash and an n.
    const description = String.raw`"Use this agent for history. <example>Context: a refactor.\\nuser: \"Why was this written?\"\\nassistant: \"I'll look.\"</example>"`;
    const { agent, diagnostics } = parseAgentFile(`---\nname: h\ndescription: ${description}\n---\n`, "h.md");
    expect(agent!.examples.map((e) => [e.user, e.context])).toEqual([["Why was this written?", "a refactor."]]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["escaped-newlines", 3]]);
  });
});

describeShared("skill lint on the shared sets", () => {
  it.each([
    ["skill-sets/obra-superpowers", 14, []],
    ["skill-sets/anthropics-skills", 12, ["long-description"]],
  ])("%s: %i skills", async (dir, count, found) => {
    const set = await discoverAgents({ cwd: "/", env: {}, agentsDir: sharedPath(dir), kind: "skills" });
    expect(set.agents.filter((a) => a.kind === "skill")).toHaveLength(count);
    expect(lintAgents(set).filter((d) => d.severity !== "info").map((d) => d.code)).toEqual(found);
  });

  it("every-compound-agents: the escaped one-line examples are read (16 files flagged)", async () => {
    const set = await discoverAgents({ cwd: "/", env: {}, agentsDir: sharedPath("agent-sets/every-compound-agents") });
    const diagnostics = lintAgents(set);
    expect(diagnostics.filter((d) => d.code === "escaped-newlines")).toHaveLength(16);
    expect(diagnostics.filter((d) => d.code === "example-without-user")).toHaveLength(2);
    const history = set.agents.find((a) => a.name === "git-history-analyzer")!;
    expect(history.examples[0]!.user).toBe(
      "I've just refactored the authentication module. Can you analyze the historical context?",
    );
  });
});
