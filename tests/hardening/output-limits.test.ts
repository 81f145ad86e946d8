import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { jsonReportChunks, writeReports } from "../../src/report/index.js";
import { junitReportChunks, renderJunitReport } from "../../src/report/junit.js";
import type { EvalReport } from "../../src/eval/types.js";
import { buildReport } from "../fixtures/eval/report.js";
import { scratchDir } from "./seeds.js";

/** The small report with its cases repeated to `rows` (one shared object, so memory stays small). */
async function bigReport(rows: number): Promise<EvalReport> {
  const report = await buildReport(
    [
      { prompt: `deploy the ${"service ".repeat(700)}now`, expected: ["devops"] },
      { prompt: `review ${"this ".repeat(800)}`, expected: ["code-reviewer"] },
    ],
    { devops: ["deploy"], "code-reviewer": ["review"] },
  );
  return { ...report, cases: Array.from({ length: rows }, (_, i) => report.cases[i % 2]!) };
}

describe("documented limits can be written (issue 14, case 7)", () => {
  it("the JSON report in pieces is byte for byte JSON.stringify, no piece past 1,000 cases", async () => {
    const report = await bigReport(2500);
    const pieces = [...jsonReportChunks(report)];
    expect(pieces.join("")).toBe(`${JSON.stringify(report, null, 2)}\n`);
    const perCase = JSON.stringify(report.cases[0], null, 2).length;
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1001 * (perCase + 200));
    const empty = { ...report, cases: [] };
    expect([...jsonReportChunks(empty)].join("")).toBe(`${JSON.stringify(empty, null, 2)}\n`);
    expect([...junitReportChunks(report)].join("")).toBe(renderJunitReport(report));
  });

  it("150,000 rows (more JSON than one V8 string can hold) are written, not lost to 'Invalid string length'", async () => {
    const dir = await scratchDir();
    const report = await bigReport(150_000);
    const [file] = await writeReports(report, dir, ["json"]);
    expect((await stat(file!)).size).toBeGreaterThan(2 ** 29); // longer than any V8 string
    let cases = 0;
    for await (const line of createInterface({ input: createReadStream(file!) })) if (line === "    {") cases++;
    expect(cases).toBe(150_000);
    await import("node:fs/promises").then((fs) => fs.rm(path.dirname(file!), { recursive: true, force: true }));
  }, 300_000);
});
