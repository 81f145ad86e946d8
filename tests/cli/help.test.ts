import { describe, expect, it } from "vitest";
import { colourFor } from "../../src/cli/colour.js";
import { runCli } from "../../src/cli/run.js";
import { REPO_ROOT } from "../helpers/shared.js";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    isTTY: false,
    env: {},
    cwd: REPO_ROOT,
    stdin: process.stdin,
  });
  return { code, out, err };
}

describe("help and usage", () => {
  it("with no arguments prints the help and exits 1, as git does", async () => {
    const { code, out } = await run([]);
    expect(code).toBe(1);
    expect(out).toMatch(/^Usage: agentroute \[options\] \[command\]/);
    expect(out).toContain("eval [options]");
  });

  it("--help exits 0", async () => {
    expect((await run(["--help"])).code).toBe(0);
  });

  it("an unknown option is a usage error (exit 2)", async () => {
    expect((await run(["eval", "--bogus"])).code).toBe(2);
  });

  it.each(["eval", "tune"])("%s --help shows examples and the dataset format", async (command) => {
    const { code, out } = await run([command, "--help"]);
    expect(code).toBe(0);
    expect(out).toContain("Examples:\n  agentroute " + command);
    expect(out).toContain("Dataset format (CSV or JSONL");
    expect(out).toContain('"review this PR and then deploy it","code-reviewer|devops",multi');
  });

  it.each(["lint", "route", "compare", "advise", "transcripts", "hook"])(
    "%s --help shows examples",
    async (command) => {
      expect((await run([command, "--help"])).out).toMatch(/\nExamples:\n {2}agentroute /);
    },
  );
});

describe("colourFor: decided per stream", () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { TERM: "dumb" }, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, { FORCE_COLOR: "1" }, true],
    [false, { FORCE_COLOR: "" }, true],
    [true, { FORCE_COLOR: "0" }, false],
    [false, { FORCE_COLOR: "1", NO_COLOR: "1" }, false],
  ])("terminal=%s env=%j → %s", (isTTY, env, expected) => {
    expect(colourFor(isTTY, env)).toBe(expected);
  });
});
