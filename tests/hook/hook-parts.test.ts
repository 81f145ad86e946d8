import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RouteDecision } from "../../src/classify/types.js";
import { hookAgentDirs, loadHookAgents } from "../../src/hook/agents.js";
import { parseHookInput, readStreamWithin } from "../../src/hook/input.js";
import { renderHookOutput, routeHookPrompt } from "../../src/hook/hook.js";
import { REPO_ROOT } from "../helpers/shared.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/dispatch");

describe("parseHookInput", () => {
  it("accepts the UserPromptSubmit payload, extra fields included", () => {
    const input = {
      session_id: "s1",
      transcript_path: "/t.jsonl",
      cwd: "/repo",
      permission_mode: "default",
      hook_event_name: "UserPromptSubmit",
      prompt: "hi",
    };
    expect(parseHookInput(JSON.stringify(input))).toEqual(input);
  });

  it.each([
    ["", "stdin is not JSON (empty)"],
    ["garbage", 'stdin is not JSON (starts with "garbage")'],
    ['{"cwd": "/repo"}', "prompt:"],
    ['{"prompt": "x"}', "cwd:"],
    ['{"prompt": "x", "cwd": "/r", "hook_event_name": "PreToolUse"}', 'hook_event_name is "PreToolUse"'],
    ["[1]", "input: expected a JSON object, got an array"],
    ['{"prompt": 7, "cwd": "/r"}', "prompt: expected a string, got number"],
    ['{"prompt": "x", "cwd": ""}', "cwd: expected a non-empty string, got an empty string"],
    ['{"prompt": "x", "cwd": "/r", "session_id": null}', "session_id: expected a string, got null"],
  ])("rejects %j with a HOOK_INPUT error", (text, message) => {
    expect(() => parseHookInput(text)).toThrow(message);
  });
});

describe("readStreamWithin", () => {
  it("returns what was written once the stream ends", async () => {
    const stream = new PassThrough();
    const reading = readStreamWithin(stream, 1000, 100);
    stream.end('{"a":1}');
    await expect(reading).resolves.toBe('{"a":1}');
  });

  it("gives up after the timeout when nobody closes stdin", async () => {
    const started = Date.now();
    await expect(readStreamWithin(new PassThrough(), 100, 100)).rejects.toThrow("within 100 ms");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses input past the size limit", async () => {
    const stream = new PassThrough();
    const reading = readStreamWithin(stream, 1000, 10);
    stream.write("x".repeat(11));
    await expect(reading).rejects.toThrow("larger than 10 bytes");
  });
});

describe("loadHookAgents", () => {
  it("merges project and user agents, the project winning a name clash however it is spelt", async () => {
    const env = { CLAUDE_CONFIG_DIR: path.join(FIXTURES, "hook-user") };
    const set = await loadHookAgents(path.join(FIXTURES, "hook-project"), env);
    expect(set?.agents.map((a) => [a.name, path.relative(FIXTURES, a.path)])).toEqual([
      ["code-reviewer", "hook-project/.claude/agents/code-reviewer.md"],
      ["db-migrator", "hook-project/.claude/agents/db-migrator.md"],
      ["docs-writer", "hook-user/agents/docs-writer.md"],
      ["test-writer", "hook-project/.claude/agents/test-writer.md"],
    ]);
  });

  it("returns null when neither folder exists, and reads the user folder from CLAUDE_CONFIG_DIR or HOME", async () => {
    expect(await loadHookAgents("/nonexistent", { HOME: "/nonexistent-home" })).toBeNull();
    expect(hookAgentDirs("/repo", { HOME: "/h", CLAUDE_CONFIG_DIR: "/cfg" })).toEqual([
      "/repo/.claude/agents",
      "/repo/.claude/skills",
      "/cfg/agents",
      "/cfg/skills",
    ]);
  });
});

describe("renderHookOutput", () => {
  const decision = (dispatch: string[]): RouteDecision => ({
    prompt: "p",
    dispatch,
    ranked: [
      { agent: "db-migrator", score: 0.8123 },
      { agent: "test-writer", score: 0.7 },
    ],
    mode: "keyword",
    model: null,
    reasons: {
      summary: "s",
      threshold: 0.5,
      agents: [
        {
          agent: "db-migrator",
          score: 0.8123,
          matchedTriggers: ["migration"],
          bestPiece: null,
          rules: [],
          features: {},
        },
        {
          agent: "test-writer",
          score: 0.7,
          matchedTriggers: [],
          bestPiece: { kind: "engage", text: "The user asks for tests", line: 9, similarity: 0.6 },
          rules: [],
          features: {},
        },
      ],
    },
  });

  it("names the agents and a short reason in the documented JSON", () => {
    expect(JSON.parse(renderHookOutput(decision(["db-migrator", "test-writer"])))).toEqual({
      hookSpecificOutput: {
        hookEventName: "UserPromptSubmit",
        additionalContext:
          'agentroute: this looks like a job for db-migrator and test-writer (confidence 0.81; trigger "migration").',
      },
    });
    expect(renderHookOutput(decision(["test-writer"]))).toContain(
      '(confidence 0.70; close to its engage \\"The user asks for tests\\")',
    );
  });

  it("prints nothing when no agent is dispatched", () => {
    expect(renderHookOutput(decision([]))).toBe("");
  });
});

describe("routeHookPrompt", () => {
  it.each(["/review the diff", "/clear", "/plugin:cmd args", "   "])(
    "does not route %j (a slash command or nothing)",
    async (prompt) => {
      await expect(
        routeHookPrompt(
          { prompt, cwd: path.join(FIXTURES, "hook-project") },
          { env: { HOME: path.join(os.tmpdir(), "agentroute-no-such-home") } },
        ),
      ).resolves.toBeNull();
    },
  );

  it("returns null without loading anything when the cwd has no agents", async () => {
    await expect(
      routeHookPrompt(
        { prompt: "/src/app.ts crashes", cwd: path.join(os.tmpdir(), "agentroute-no-such-project") },
        { env: { HOME: path.join(os.tmpdir(), "agentroute-no-such-home") } },
      ),
    ).resolves.toBeNull();
  });
});

describe("routeHookPrompt with CLAUDE_PROJECT_DIR", () => {
  it("reads the agents of the project root Claude Code names, not of the cwd", async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), "agentroute-home-"));
    try {
      const env = { HOME: home, CLAUDE_PROJECT_DIR: path.join(FIXTURES, "hook-project") };
      const prompt = "write a migration to add an index on orders.created_at";
      const decision = await routeHookPrompt({ prompt, cwd: path.join(home, "elsewhere") }, { env, embeddings: false });
      expect(decision?.dispatch).toEqual(["db-migrator"]);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
