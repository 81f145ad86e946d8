import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";
import { EVAL_AGENTS, EVAL_DATASET, runBuiltCli } from "../fixtures/eval/cli.js";

const AGENTS = path.join(REPO_ROOT, EVAL_AGENTS);
const DATASET = path.join(REPO_ROOT, EVAL_DATASET);

describe("agentroute tune through the built CLI (keyword mode)", () => {
  it("on 12 labeled prompts keeps the defaults, writes no config and says why, deterministically", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-tune-"));
    const args = ["tune", "--agents", AGENTS, "--dataset", DATASET, "--no-embeddings", "--folds", "3", "--seed", "4"];
    const first = await runBuiltCli([...args, "--out", "first.json"], dir);
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/3-fold cross-validation \(seed 4\)/);
    expect(first.stdout).toMatch(/^12 labeled prompts for \d+ agents/m);
    expect(first.stdout).toMatch(/^\* defaults +\d\.\d{3} ± \d\.\d{3} +baseline$/m);
    expect(first.stdout).toMatch(/^kept the defaults, no config written: the best candidate, \S+ .*(folds|interval)/m);
    expect(first.stdout).toMatch(/^on prompts the selection never saw \(nested cross-validation\): macro-F1/m);
    expect(existsSync(path.join(dir, "first.json"))).toBe(false);
    expect(first.stderr).toMatch(/no config written/);

    const report = JSON.parse(await readFile(path.join(dir, "first.tune.json"), "utf8")) as Record<string, unknown>;
    expect(report).toMatchObject({ schemaVersion: 2, mode: "keyword", folds: 3, seed: 4, dataset: { rows: 12 } });
    expect(report).toMatchObject({ chosen: "defaults", config: null, guard: { rows: 12 } });
    const candidates = report.candidates as { name: string; folds: unknown[]; wins: boolean }[];
    expect(candidates[0]!.name).toBe("defaults");
    expect(candidates.every((c) => c.folds.length === 3 && !c.wins)).toBe(true);

    // Deterministic: a second run with the same seed gives the same report (timestamps aside).
    const second = await runBuiltCli([...args, "--out", "second.json"], dir);
    expect(second.code).toBe(0);
    const again = JSON.parse(await readFile(path.join(dir, "second.tune.json"), "utf8")) as Record<string, unknown>;
    expect({ ...again, createdAt: 0 }).toEqual({ ...report, createdAt: 0 });
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
