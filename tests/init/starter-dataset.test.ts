import { describe, expect, it } from "vitest";
import type { AgentSpec } from "../../src/agents/types.js";
import { MAX_TRANSCRIPT_ROWS, renderStarterCsv, skillCue, starterRows } from "../../src/init/starter-dataset.js";
import type { DispatchRecord } from "../../src/transcripts/types.js";

function agent(name: string, examples: string[]): AgentSpec {
  return { name, examples: examples.map((user, i) => ({ user, line: i + 5 })) } as unknown as AgentSpec;
}

function typed(prompt: string, dispatched: string[] = []): DispatchRecord {
  return { prompt, dispatched, skills: [], session: "s", timestamp: "", version: "", file: "s.jsonl", line: 1 };
}

describe("starterRows", () => {
  const agents = [agent("code-reviewer", ["Review my PR", "  "]), agent("Debugger", ["Why does it crash?"])];

  it("labels examples with their agent and transcript prompts with the dispatch mapped onto the set", () => {
    const rows = starterRows(agents, [
      typed("what time is it?"),
      typed("fix the crash", ["debugger", "general-purpose", "debugger"]),
    ]);
    expect(rows).toEqual([
      { prompt: "Review my PR", expected: ["code-reviewer"], source: "agent-example" },
      { prompt: "Why does it crash?", expected: ["Debugger"], source: "agent-example" },
      { prompt: "fix the crash", expected: ["Debugger"], source: "transcript" },
      { prompt: "what time is it?", expected: [], source: "transcript" },
    ]);
  });

  it.each([
    ["a slash command", "/review the diff"],
    ["a repeat of an example, spacing and case aside", "review  my pr"],
    ["a pasted log", "x".repeat(2001)],
    ["a blank prompt", "   "],
  ])("leaves out %s", (_, prompt) => {
    expect(starterRows(agents, [typed(prompt, ["code-reviewer"])]).filter((r) => r.source === "transcript")).toEqual(
      [],
    );
  });

  it(`keeps at most ${MAX_TRANSCRIPT_ROWS} transcript prompts, dispatched ones first`, () => {
    const records = Array.from({ length: MAX_TRANSCRIPT_ROWS + 50 }, (_, i) =>
      typed(`prompt ${i}`, i % 2 === 0 ? [] : ["debugger"]),
    );
    const rows = starterRows([agent("debugger", [])], records);
    expect(rows).toHaveLength(MAX_TRANSCRIPT_ROWS);
    expect(rows.findIndex((r) => r.expected.length === 0)).toBe((MAX_TRANSCRIPT_ROWS + 50) / 2);
  });
});

describe("renderStarterCsv", () => {
  it("quotes what CSV needs quoted and marks every row todo", () => {
    expect(
      renderStarterCsv([
        { prompt: 'say "hi", then go', expected: ["a", "b"], source: "transcript" },
        { prompt: "chat", expected: [], source: "transcript" },
      ]),
    ).toBe('prompt,expected,source,review\n"say ""hi"", then go",a|b,transcript,todo\nchat,,transcript,todo\n');
  });
});

describe("skillCue", () => {
  it.each([
    [
      "Guide for MCP servers. Use when building MCP servers to integrate APIs.",
      undefined,
      "Building MCP servers to integrate APIs",
    ],
    ["Drafts notes.", "Use this skill whenever the user asks for release notes.", "The user asks for release notes"],
    [
      "This skill should be used when the user wants a PDF form filled in.",
      undefined,
      "The user wants a PDF form filled in",
    ],
    ["Reviews code.", "Before tagging a release.", "Before tagging a release"],
    ["Brand guidelines", undefined, null],
  ])("%j / when_to_use %j -> %j", (description, whenToUse, cue) => {
    expect(skillCue({ description, whenToUse })).toBe(cue);
  });

  it("gives a skill without examples one row, labeled with the skill; a skill's own examples come first", () => {
    const skill = (name: string, examples: string[], description: string) =>
      ({ ...agent(name, examples), kind: "skill", description }) as AgentSpec;
    const rows = starterRows(
      [
        skill("pdf", [], "Use when filling PDF forms."),
        skill("notes", ["write the release notes"], "Use when writing notes."),
      ],
      [],
    );
    expect(rows).toEqual([
      { prompt: "Filling PDF forms", expected: ["pdf"], source: "skill-cue" },
      { prompt: "write the release notes", expected: ["notes"], source: "agent-example" },
    ]);
  });
});
