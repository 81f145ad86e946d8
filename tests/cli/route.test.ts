import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, tempFolder } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/shared.js";

const AGENTS = path.join(REPO_ROOT, "tests/fixtures/classify/agents");
const tmp = tempFolder("route-cli");
const env = { ...process.env, CI: "true" };

/** `agentroute route --agents AGENTS …` in this process (the built CLI runs in tests/cli/eval and tests/package). */
async function run(args: string[], input?: string) {
  const r = await runInProcess(["route", "--agents", AGENTS, ...args], { cwd: tmp, env, stdin: input });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

describe("agentroute route", () => {
  it("prints a decision as JSON with the documented shape", async () => {
    const r = await run(["the deploy failed, roll it back", "--json", "--top", "2"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d)).toEqual(["prompt", "dispatch", "ranked", "mode", "model", "reasons"]);
    expect(d.dispatch).toEqual(["release-captain"]);
    expect(d.ranked).toHaveLength(2);
    expect(d.mode).toBe("embeddings");
    expect(Object.keys(d.reasons)).toEqual(["summary", "agents", "threshold"]);
  });

  it("routes a batch from stdin, CSV and JSONL, one JSON line per prompt in input order", async () => {
    const lines = await run(["--batch", "-", "--no-embeddings"], "the deploy failed\n\nwrite a README section\n");
    expect(lines.code).toBe(0);
    const out = lines.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((d) => d.prompt)).toEqual(["the deploy failed", "write a README section"]);
    expect(out[0].mode).toBe("keyword");
    writeFileSync(path.join(tmp, "p.csv"), 'id,prompt\n1,"slow query on orders, again"\n2,flaky tests\n');
    writeFileSync(path.join(tmp, "p.jsonl"), '{"prompt":"slow query on orders, again"}\n{"prompt":"flaky tests"}\n');
    const csv = (await run(["--batch", "p.csv", "--no-embeddings"])).stdout;
    const jsonl = await run(["--batch", "p.jsonl", "--no-embeddings", "--out", "out.jsonl"]);
    expect(jsonl.stdout).toBe("");
    expect(
      csv
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).prompt),
    ).toEqual(["slow query on orders, again", "flaky tests"]);
  });

  it("prints a readable decision by default", async () => {
    const r = await run(["add an index to the users table", "--no-embeddings"]);
    expect(r.stdout).toMatch(/^dispatch: data-keeper\nwhy: data-keeper/);
    expect(r.stdout).toMatch(/mode: keyword, threshold/);
  });

  it.each([
    [[], /give a prompt or --batch FILE/],
    [["a", "--batch", "x.txt"], /not both/],
    [["a", "--top", "0"], /--top must be a positive integer/],
    [["a", "--config", "missing.json"], /cannot read the config/],
  ])("exits 2 with a message and a hint on a usage error %j", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("reports a malformed batch line with its file and line", async () => {
    writeFileSync(path.join(tmp, "bad.jsonl"), '{"prompt":"ok"}\n{nope\n');
    const r = await run(["--batch", "bad.jsonl", "--no-embeddings"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
  });
});

describe("batch prompt files", () => {
  it("read the same prompts with CRLF line ends and a BOM", async () => {
    const { parsePromptsText } = await import("../../src/inputs/prompts-file.js");
    const lf = 'id,prompt\n1,"a, b"\n\n2,c\n';
    expect(parsePromptsText(`\uFEFF${lf.replace(/\n/g, "\r\n")}`, "p.csv")).toEqual(parsePromptsText(lf, "p.csv"));
    expect(parsePromptsText("x\r\ny\r\n", "p.txt")).toEqual(["x", "y"]);
  });
});
