import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { projectTranscriptDir } from "../../src/transcripts/transcript-files.js";
import { REPO_ROOT } from "../helpers/shared.js";

const FLAT = path.join(REPO_ROOT, "tests/fixtures/dispatch/flat-2.0");

async function run(argv: string[], env: NodeJS.ProcessEnv, cwd: string) {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    isTTY: false,
    env,
    cwd,
    stdin: Readable.from([]),
  });
  return { code, out, err };
}

describe("agentroute transcripts", () => {
  let home = "";
  let project = "";
  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), "agentroute-home-"));
    project = path.join(home, "code", "my.app");
    await cp(FLAT, projectTranscriptDir(project, { HOME: home }), { recursive: true });
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it("reads the --project sessions under $HOME/.claude/projects and prints one JSON line per prompt", async () => {
    const { code, out, err } = await run(["transcripts", "--project", project], { HOME: home }, REPO_ROOT);
    expect(code).toBe(0);
    expect(
      out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        prompt: "Write Jest tests for the cart reducer",
        dispatched: ["test-writer", "code-reviewer"],
        skills: [],
        session: "11111111-2222-3333-4444-555555555555",
        timestamp: "2025-10-02T09:01:00Z",
        version: "2.0.10",
      },
      {
        prompt: "now plan the migration to Postgres 16",
        dispatched: ["plan"],
        skills: [],
        session: "11111111-2222-3333-4444-555555555555",
        timestamp: "2025-10-02T09:03:00Z",
        version: "2.0.10",
      },
      {
        prompt: "what time is it?",
        dispatched: [],
        skills: [],
        session: "11111111-2222-3333-4444-555555555555",
        timestamp: "2025-10-02T09:04:00Z",
        version: "2.0.10",
      },
    ]);
    expect(err).toMatchInlineSnapshot(`
      "read 1 file, 13 lines: 3 typed prompts, 2 with a subagent dispatch (66.7%)
      dispatches by agent:
        code-reviewer  1
        plan           1
        test-writer    1
      lines not taken as prompts: command-output 2, command-without-args 1, compact-summary 1, interrupted 1, meta 1, sidechain 1
      "
    `);
  });

  it("defaults to the working directory's project and writes --out", async () => {
    const outFile = path.join(home, "log.jsonl");
    const { code, out, err } = await run(
      ["transcripts", "--since", "2025-10-02T09:02:00Z", "--out", outFile],
      { HOME: home },
      project,
    );
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(
      (await readFile(outFile, "utf8"))
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { prompt: string }).prompt),
    ).toEqual(["now plan the migration to Postgres 16", "what time is it?"]);
    expect(err).toContain("1 prompt before --since left out");
  });

  it.each([
    [["transcripts", "--since", "someday", FLAT], "--since: not a date"],
    [["transcripts"], "no such folder, so no Claude Code sessions"],
    [["transcripts", "missing.jsonl"], "no such file or folder"],
    [["transcripts", "--project", ".", FLAT], "--project and transcript paths together"],
  ])("%j is a usage error (exit 2) with a hint", async (argv, message) => {
    const { code, err } = await run(argv, { HOME: home }, home);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("hint: ");
  });
});
