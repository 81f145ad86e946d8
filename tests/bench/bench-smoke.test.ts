import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeShared, REPO_ROOT } from "../helpers/shared.js";

const BENCH = path.join(REPO_ROOT, "dist/bench/main.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-bench-smoke-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Smoke only: the bench runs end to end and prints its tables. Timings are never asserted
// (the machine is shared and its load varies); the figures are read by people from the output.
describeShared("npm run bench --quick (built)", () => {
  it("runs the speed part, prints its tables, writes every figure to the JSON file and its docs section", () => {
    const out = path.join(dir, "bench.json");
    const docs = path.join(dir, "speed.md");
    copyFileSync(path.join(REPO_ROOT, "docs/speed.md"), docs);
    const run = spawnSync(process.execPath, [BENCH, "--quick", "--only", "speed", "--out", out, "--docs", dir], {
      encoding: "utf8",
      cwd: REPO_ROOT,
    });
    expect(run.stderr).not.toMatch(/bench failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("## Speed");
    expect(run.stdout).toMatch(/\| per prompt \(ms\)\s+\|\s+p50 \|\s+p95 \|/);
    expect(run.stdout).toMatch(/\| agents \| pieces \| build cold \(s\)/);
    expect(run.stdout).toMatch(/\| target\s+\| measured \| met \|/);
    const json = JSON.parse(readFileSync(out, "utf8")) as {
      quick: boolean;
      parts: string[];
      machine: { cores: number; node: string };
      speed: { scale: { agents: number }[] };
    };
    expect(json).toMatchObject({ quick: true, parts: ["speed"], machine: { node: process.version } });
    expect(json.speed.scale.map((s) => s.agents)).toEqual([10]);
    // Only the speed section is rewritten; the prose and the hook section stay as they were.
    const before = readFileSync(path.join(REPO_ROOT, "docs/speed.md"), "utf8");
    const after = readFileSync(docs, "utf8");
    expect(after).toMatch(
      /<!-- generated:speed -->\nWritten by `npm run bench` on \d{4}-\d\d-\d\d: .*\n\n.*\n\n\| per prompt \(ms\)/,
    );
    expect(after.slice(0, after.indexOf("<!-- generated:speed -->"))).toBe(
      before.slice(0, before.indexOf("<!-- generated:speed -->")),
    );
    expect(after.slice(after.indexOf("<!-- /generated:speed -->"))).toBe(
      before.slice(before.indexOf("<!-- /generated:speed -->")),
    );
    expect(run.stdout).toContain("docs: ");
  }, 240_000);

  it("names the docs file and the markers to add when a docs section is missing (exit 2)", () => {
    const bare = mkdtempSync(path.join(dir, "bare-"));
    copyFileSync(path.join(REPO_ROOT, "LICENSE"), path.join(bare, "speed.md"));
    const run = spawnSync(
      process.execPath,
      [BENCH, "--quick", "--only", "hook", "--out", path.join(bare, "b.json"), "--docs", bare],
      { encoding: "utf8", cwd: REPO_ROOT },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('speed.md: no generated section "hook": add the lines <!-- generated:hook -->');
  }, 240_000);

  it.each([["--only", "colour"], ["--colour"]])(
    "rejects bad arguments %s with exit code 2 and the usage",
    (...args) => {
      const run = spawnSync(process.execPath, [BENCH, ...args], { encoding: "utf8", cwd: REPO_ROOT });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("usage: node dist/bench/main.js");
      expect(run.stderr).not.toContain("    at ");
    },
  );

  it("names the valid parts when --only names an unknown one", () => {
    const run = spawnSync(process.execPath, [BENCH, "--only", "colour"], { encoding: "utf8", cwd: REPO_ROOT });
    expect(run.stderr).toContain("valid parts: quality, peers, speed, hook");
  });
});
