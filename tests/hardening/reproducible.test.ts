import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openRouter } from "../../src/pipeline/open.js";
import type { EvalReport } from "../../src/eval/types.js";
import { mulberry32, shuffled } from "../../src/util/prng.js";
import { CLI, REPO_ROOT, testCacheDir } from "../helpers/shared.js";
import { scratchDir } from "./seeds.js";

const FILES = ["report.json", "report.md", "junit.xml", "report.html"] as const;
const DATASET = "datasets/example.csv";

function runEval(args: string[], cacheDir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, CI: "true", AGENTROUTE_CACHE_DIR: cacheDir };
    execFile(
      process.execPath,
      [CLI, "eval", "--agents", "agents", ...args],
      { cwd: REPO_ROOT, env, maxBuffer: 64 << 20 },
      (err, _out, stderr) => {
        resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stderr });
      },
    );
  });
}

/** Runs eval into a fresh folder and returns each report file with the run's timestamp blanked. */
async function evalFiles(args: string[], cacheDir: string, dataset = DATASET): Promise<Record<string, string>> {
  const out = await scratchDir();
  const result = await runEval(
    ["--dataset", dataset, "--out", out, "--format", "md,json,junit,html", ...args],
    cacheDir,
  );
  expect(result.stderr).not.toMatch(/internal error/);
  expect(result.code).toBe(0);
  const texts = Object.fromEntries(
    await Promise.all(FILES.map(async (f) => [f, await readFile(path.join(out, f), "utf8")] as const)),
  );
  const createdAt = (JSON.parse(texts["report.json"]!) as EvalReport).createdAt;
  expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  return Object.fromEntries(Object.entries(texts).map(([f, text]) => [f, text.split(createdAt).join("<createdAt>")]));
}

/** The parts of a report that do not depend on row order or file position. */
function orderFree(report: EvalReport) {
  const { ci: _ci, ...summary } = report.summary;
  const cases = [...report.cases].map(({ line: _line, ...c }) => c).sort((a, b) => (a.prompt < b.prompt ? -1 : 1));
  return {
    summary,
    perAgent: report.perAgent,
    confusion: report.confusion,
    byTag: report.byTag,
    calibration: report.calibration,
    cases,
  };
}

describe("reports are reproducible", () => {
  it("keyword mode: two runs give byte-identical JSON, Markdown, JUnit and HTML apart from createdAt (cold, then warm cache)", async () => {
    const cache = await scratchDir();
    const first = await evalFiles(["--no-embeddings"], cache);
    const second = await evalFiles(["--no-embeddings"], cache);
    for (const file of FILES) expect(second[file], file).toBe(first[file]);
    expect(JSON.parse(first["report.json"]!).cases).toHaveLength(223);
  }, 120_000);

  it("embeddings mode: two runs give byte-identical reports apart from createdAt", async () => {
    const cache = await scratchDir();
    const first = await evalFiles([], cache);
    const second = await evalFiles([], cache);
    expect(JSON.parse(first["report.json"]!).mode).toMatchObject({ kind: "embeddings" });
    for (const file of FILES) expect(second[file], file).toBe(first[file]);
  }, 300_000);

  it("shuffling the dataset rows changes no metric, matrix or decision (only lines and the bootstrap draw)", async () => {
    const cache = await scratchDir();
    const [header, ...rows] = (await readFile(path.join(REPO_ROOT, DATASET), "utf8")).trimEnd().split("\n");
    expect(rows.every((row) => !row.startsWith('"') || row.split('"').length % 2 === 1)).toBe(true);
    const file = path.join(await scratchDir(), "shuffled.csv");
    await writeFile(file, [header, ...shuffled(rows, mulberry32(7))].join("\n") + "\n");
    const original = JSON.parse((await evalFiles(["--no-embeddings"], cache))["report.json"]!) as EvalReport;
    const mixed = JSON.parse((await evalFiles(["--no-embeddings"], cache, file))["report.json"]!) as EvalReport;
    expect(mixed.cases.map((c) => c.prompt)).not.toEqual(original.cases.map((c) => c.prompt));
    expect(orderFree(mixed)).toEqual(orderFree(original));
  }, 120_000);
});

describe("route one by one and routeMany agree exactly", () => {
  async function firstPrompts(n: number): Promise<string[]> {
    const text = await readFile(path.join(REPO_ROOT, DATASET), "utf8");
    // example.csv quotes prompts that hold commas; take the first field either way.
    return text
      .trimEnd()
      .split("\n")
      .slice(1, n + 1)
      .map((row) => (row.startsWith('"') ? row.slice(1, row.indexOf('"', 1)) : row.slice(0, row.indexOf(","))));
  }

  it.each([
    ["keyword", false],
    ["embeddings", true],
  ] as const)(
    "%s mode, 50 prompts from datasets/example.csv",
    async (_mode, embeddings) => {
      const prompts = await firstPrompts(50);
      const opened = await openRouter({
        agentsDir: path.join(REPO_ROOT, "agents"),
        cwd: REPO_ROOT,
        embeddings,
        cacheDir: testCacheDir(),
        warn: () => {},
      });
      try {
        const batch = await opened.router.routeMany(prompts);
        const single = [];
        for (const prompt of prompts) single.push(await opened.router.route(prompt));
        expect(batch).toEqual(single);
        expect(new Set(batch.map((d) => d.dispatch.join("|"))).size).toBeGreaterThan(3);
      } finally {
        await opened.close();
      }
    },
    300_000,
  );
});
