import { describe, expect, it } from "vitest";
import { readTranscriptLine } from "../../src/transcripts/transcript-line.js";

const user = (content: unknown, extra: Record<string, unknown> = {}) =>
  readTranscriptLine({ type: "user", sessionId: "s", message: { role: "user", content }, ...extra });

describe("readTranscriptLine", () => {
  it.each([
    ["a plain string", "fix the flaky login test", "fix the flaky login test"],
    [
      "text blocks, joined; images ignored",
      [{ type: "text", text: "look at" }, { type: "image" }, { type: "text", text: "this" }],
      "look at\nthis",
    ],
    [
      "a slash command with args, literal",
      "<command-message>review is running…</command-message>\n<command-name>/review</command-name>\n<command-args>the auth module</command-args>",
      "/review the auth module",
    ],
    ["surrounding space trimmed", "  hi  \n", "hi"],
  ])("takes %s as a typed prompt", (_name, content, text) => {
    expect(user(content)).toMatchObject({ kind: "prompt", text, session: "s" });
  });

  it.each([
    ["tool results", [{ type: "tool_result", tool_use_id: "x", content: "ok" }], {}, "tool-result"],
    ["lines with toolUseResult", "ok", { toolUseResult: { agentId: "a1" } }, "tool-result"],
    ["meta lines", "expanded command body", { isMeta: true }, "meta"],
    ["compaction summaries", "summary", { isCompactSummary: true }, "compact-summary"],
    ["sidechain lines", "the Task prompt", { isSidechain: true }, "sidechain"],
    [
      "bare slash commands",
      "<command-name>/clear</command-name>\n<command-args></command-args>",
      {},
      "command-without-args",
    ],
    ["local command output", "<local-command-stdout>Set model</local-command-stdout>", {}, "command-output"],
    ["bash mode", "<bash-input>git status</bash-input>", {}, "command-output"],
    ["interruptions", "[Request interrupted by user]", {}, "interrupted"],
    ["image-only messages", [{ type: "image" }], {}, "empty"],
  ])("skips %s", (_name, content, extra, reason) => {
    expect(user(content, extra)).toEqual({ kind: "skip", reason });
  });

  it("reads Task and Agent calls with their normalised subagent_type, ignoring other tools", () => {
    const event = readTranscriptLine({
      type: "assistant",
      sessionId: "s",
      message: {
        content: [
          { type: "text", text: "Dispatching." },
          { type: "tool_use", id: "t1", name: "Task", input: { subagent_type: "Code_Reviewer" } },
          { type: "tool_use", id: "t2", name: "Read", input: { file_path: "x" } },
          { type: "tool_use", id: "t3", name: "Agent", input: { subagent_type: "Explore" } },
          { type: "tool_use", id: "t4", name: "Agent", input: {} },
        ],
      },
    });
    expect(event).toEqual({
      kind: "dispatch",
      session: "s",
      calls: [
        { id: "t1", agent: "code-reviewer", kind: "agent" },
        { id: "t3", agent: "explore", kind: "agent" },
        { id: "t4", agent: null, kind: "agent" },
      ],
    });
  });
});
