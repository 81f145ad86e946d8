import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfigFile } from "../../src/classify/config.js";
import type { EvalReport } from "../../src/eval/types.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { EVAL_AGENTS, EVAL_DATASET, runBuiltCli } from "../fixtures/eval/cli.js";

const AGENTS = path.join(REPO_ROOT, EVAL_AGENTS);
const DATASET = path.join(REPO_ROOT, EVAL_DATASET);

describe("agentroute tune through the built CLI (keyword mode)", () => {
  it("cross-validates, writes a valid config and a tune report, and eval --config reads the config", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-tune-"));
    const args = ["tune", "--agents", AGENTS, "--dataset", DATASET, "--no-embeddings", "--folds", "3", "--seed", "4"];
    const first = await runBuiltCli([...args, "--out", "first.json"], dir);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/3-fold cross-validation \(seed 4\)/);
    expect(first.stdout).toMatch(/^[* ] defaults +\d\.\d{3} ± \d\.\d{3} +\d\.\d{3} ± \d\.\d{3}/m);
    expect(first.stdout).toMatch(/^before \(defaults\): accuracy \d\.\d{3}, macro-F1 \d\.\d{3}$/m);

    const config = await readConfigFile(path.join(dir, "first.json"));
    const report = JSON.parse(await readFile(path.join(dir, "first.tune.json"), "utf8")) as Record<string, unknown>;
    expect(report).toMatchObject({ schemaVersion: 1, mode: "keyword", folds: 3, seed: 4, dataset: { rows: 12 } });
    const candidates = report.candidates as { name: string; folds: unknown[] }[];
    expect(candidates[0]!.name).toBe("defaults");
    expect(candidates.every((c) => c.folds.length === 3)).toBe(true);
    expect(report.config).toEqual(JSON.parse(await readFile(path.join(dir, "first.json"), "utf8")));

    // Deterministic: a second run with the same seed writes the same bytes.
    const second = await runBuiltCli([...args, "--out", "second.json"], dir);
    expect(second.code).toBe(0);
    expect(await readFile(path.join(dir, "second.json"), "utf8")).toBe(
      await readFile(path.join(dir, "first.json"), "utf8"),
    );

    const evaluated = await runBuiltCli(
      [
        "eval",
        "--agents",
        AGENTS,
        "--dataset",
        DATASET,
        "--no-embeddings",
        "--config",
        "first.json",
        "--out",
        "reports",
        "--format",
        "json",
      ],
      dir,
    );
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const evalReport = JSON.parse(await readFile(path.join(dir, "reports/report.json"), "utf8")) as EvalReport;
    expect(evalReport.config).toMatchObject({
      threshold: config.threshold,
      multi: config.multi,
      agentThresholds: config.agentThresholds,
    });
  });

  it("rejects bad --folds and too few rows with exit 2 and a hint", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-tune-"));
    const bad = await runBuiltCli(
      ["tune", "--agents", AGENTS, "--dataset", DATASET, "--no-embeddings", "--folds", "one"],
      dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--folds: expected a whole number/);
    const many = await runBuiltCli(
      ["tune", "--agents", AGENTS, "--dataset", DATASET, "--no-embeddings", "--folds", "50"],
      dir,
    );
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/12 labeled rows cannot be split into 50 folds/);
    expect(many.stderr).toMatch(/^hint: /m);
  });
});
