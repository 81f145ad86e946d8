import { copyFile, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectTranscriptDir } from "../../src/transcripts/transcript-files.js";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { REPO_ROOT } from "../helpers/shared.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/dispatch");
const BROKEN = path.join(FIXTURES, "bom-crlf-broken.jsonl");
const FLAT = path.join(FIXTURES, "flat-2.0");
const FLAT_SESSION = path.join(FLAT, "11111111-2222-3333-4444-555555555555.jsonl");

describe("readDispatchLog on damaged files", () => {
  it("reads past a BOM, CRLF endings, a non-JSON line and a truncated last line, reporting each", async () => {
    const { records, stats } = await readDispatchLog([BROKEN]);
    expect(records.map((r) => [r.prompt, r.dispatched, r.line])).toEqual([
      ["Review my auth module for security holes", ["security-auditor"], 1],
      ["thanks!", [], 5],
    ]);
    expect(stats.problems).toEqual([
      { file: BROKEN, line: 4, reason: "invalid JSON" },
      { file: BROKEN, line: 6, reason: "truncated last line (invalid JSON, no final newline)" },
    ]);
    expect(stats).toMatchObject({ lines: 6, prompts: 2, promptsWithDispatch: 1, problemCount: 2 });
  });

  describe("a 12 MB line", () => {
    let dir = "";
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-long-"));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it("--since does not even open a file last written before it", async () => {
      const file = path.join(dir, "old.jsonl");
      await copyFile(FLAT_SESSION, file);
      await utimes(file, new Date("2020-01-01"), new Date("2020-01-01"));
      const { records, stats } = await readDispatchLog([file], { since: new Date("2021-01-01") });
      expect(records).toEqual([]);
      expect(stats).toMatchObject({ files: 0, filesBeforeSince: 1, lines: 0 });
    });

    it("is skipped and reported; the lines around it are read", async () => {
      const file = path.join(dir, "s.jsonl");
      const prompt = (text: string) =>
        JSON.stringify({ type: "user", sessionId: "s", uuid: text, message: { content: text } });
      const huge = JSON.stringify({ type: "user", sessionId: "s", message: { content: "x".repeat(12 * 1024 * 1024) } });
      await writeFile(file, [prompt("before"), huge, prompt("after")].join("\n") + "\n");
      const { records, stats } = await readDispatchLog([file]);
      expect(records.map((r) => r.prompt)).toEqual(["before", "after"]);
      expect(stats.problems).toEqual([
        { file, line: 2, reason: `line longer than ${10 * 1024 * 1024} bytes, skipped` },
      ]);
    });
  });
});

describe("readDispatchLog on a 2.0.x project folder (flat agent-*.jsonl beside the session)", () => {
  it("reads the session only, keeps typed prompts, and skips every kind of wrapper", async () => {
    const { records, stats } = await readDispatchLog([FLAT]);
    expect(stats.files).toBe(1);
    expect(records.map((r) => [r.prompt, r.dispatched, r.line])).toEqual([
      ["Write Jest tests for the cart reducer", ["test-writer", "code-reviewer"], 4],
      ["now plan the migration to Postgres 16", ["plan"], 9],
      ["what time is it?", [], 13],
    ]);
    expect(stats.skipped).toEqual({
      "command-without-args": 1,
      "command-output": 2,
      meta: 1,
      interrupted: 1,
      "compact-summary": 1,
      sidechain: 1,
    });
    expect(stats.perAgent).toEqual({ "test-writer": 1, "code-reviewer": 1, plan: 1 });
  });

  it("reading the same session twice (a resumed copy) counts each prompt and call once", async () => {
    const { records, stats } = await readDispatchLog([FLAT_SESSION, FLAT]);
    expect(records).toHaveLength(3);
    expect(stats.files).toBe(1);
  });

  it("a subagent file passed explicitly yields nothing and does not fail", async () => {
    const { records, stats } = await readDispatchLog([path.join(FLAT, "agent-ab12.jsonl")]);
    expect(records).toEqual([]);
    expect(stats.skipped).toEqual({ sidechain: 2 });
  });

  it("a missing path is a NOT_FOUND error naming it", async () => {
    await expect(readDispatchLog([path.join(FLAT, "nope.jsonl")])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("projectTranscriptDir", () => {
  it.each([
    ["/work/main", { HOME: "/home/me" }, "/home/me/.claude/projects/-work-main"],
    ["/Users/a.b/my_app v2", { HOME: "/h" }, "/h/.claude/projects/-Users-a-b-my-app-v2"],
    ["/srv/x", { HOME: "/h", CLAUDE_CONFIG_DIR: "/cfg" }, "/cfg/projects/-srv-x"],
  ])("%s → sessions folder", (dir, env, expected) => {
    expect(projectTranscriptDir(dir, env)).toBe(expected);
  });
});
