import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, REPO_ROOT } from "../helpers/shared.js";

const AGENTS = path.join(REPO_ROOT, "tests/fixtures/classify/agents");
const tmp = mkdtempSync(path.join(os.tmpdir(), "agentroute-route-cli-"));
const env = { ...process.env, AGENTROUTE_CACHE_DIR: path.join(tmp, "cache"), CI: "true" };

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, "route", "--agents", AGENTS, ...args], {
    cwd: tmp,
    env,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("agentroute route (built CLI)", () => {
  beforeAll(() => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: REPO_ROOT, stdio: "ignore" });
  }, 120_000);

  it("prints a decision as JSON with the documented shape", () => {
    const r = run(["the deploy failed, roll it back", "--json", "--top", "2"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d)).toEqual(["prompt", "dispatch", "ranked", "mode", "model", "reasons"]);
    expect(d.dispatch).toEqual(["release-captain"]);
    expect(d.ranked).toHaveLength(2);
    expect(d.mode).toBe("embeddings");
    expect(Object.keys(d.reasons)).toEqual(["summary", "agents", "threshold"]);
  });

  it("routes a batch from stdin, CSV and JSONL, one JSON line per prompt in input order", () => {
    const lines = run(["--batch", "-", "--no-embeddings"], "the deploy failed\n\nwrite a README section\n");
    expect(lines.code).toBe(0);
    const out = lines.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((d) => d.prompt)).toEqual(["the deploy failed", "write a README section"]);
    expect(out[0].mode).toBe("keyword");
    writeFileSync(path.join(tmp, "p.csv"), 'id,prompt\n1,"slow query on orders, again"\n2,flaky tests\n');
    writeFileSync(path.join(tmp, "p.jsonl"), '{"prompt":"slow query on orders, again"}\n{"prompt":"flaky tests"}\n');
    const csv = run(["--batch", "p.csv", "--no-embeddings"]).stdout;
    const jsonl = run(["--batch", "p.jsonl", "--no-embeddings", "--out", "out.jsonl"]);
    expect(jsonl.stdout).toBe("");
    expect(
      csv
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).prompt),
    ).toEqual(["slow query on orders, again", "flaky tests"]);
  });

  it("prints a readable decision by default", () => {
    const r = run(["add an index to the users table", "--no-embeddings"]);
    expect(r.stdout).toMatch(/^dispatch: data-keeper\nwhy: data-keeper/);
    expect(r.stdout).toMatch(/mode: keyword, threshold/);
  });

  it.each([
    [[], /give a prompt or --batch FILE/],
    [["a", "--batch", "x.txt"], /not both/],
    [["a", "--top", "0"], /--top must be a positive integer/],
    [["a", "--config", "missing.json"], /cannot read the config/],
  ])("exits 2 with a message and a hint on a usage error %j", (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("reports a malformed batch line with its file and line", () => {
    writeFileSync(path.join(tmp, "bad.jsonl"), '{"prompt":"ok"}\n{nope\n');
    const r = run(["--batch", "bad.jsonl", "--no-embeddings"]);
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
