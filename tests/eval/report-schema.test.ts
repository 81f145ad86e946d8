import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AgentRouteError } from "../../src/errors.js";
import { readReport } from "../../src/eval/report-schema.js";
import { buildReport } from "../fixtures/eval/report.js";

async function writeTemp(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "agentroute-baseline-"));
  const file = path.join(dir, "baseline.json");
  await writeFile(file, content);
  return file;
}

describe("readReport", () => {
  it("reads back a written report unchanged", async () => {
    const report = await buildReport([{ prompt: "deploy", expected: ["devops"] }], { devops: ["deploy"] });
    expect(await readReport(await writeTemp(JSON.stringify(report)))).toEqual(report);
  });

  it.each([
    ["{ not json", /not valid JSON/],
    [JSON.stringify({ schemaVersion: 3 }), /schemaVersion 3 is not supported \(expected 1 or 2\)/],
    [
      JSON.stringify({ schemaVersion: 1, tool: { name: "agentroute", version: "1" } }),
      /not an agentroute report: .* at "createdAt"/,
    ],
  ])("rejects %s with BASELINE_INVALID and a hint", async (content, message) => {
    const err = await readReport(await writeTemp(content)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentRouteError);
    expect((err as AgentRouteError).code).toBe("BASELINE_INVALID");
    expect((err as AgentRouteError).message).toMatch(message);
    expect((err as AgentRouteError).hint).toMatch(/agentroute eval/);
  });

  it("says NOT_FOUND for a missing file", async () => {
    const err = (await readReport("/nonexistent/baseline.json").catch((e: unknown) => e)) as AgentRouteError;
    expect(err.code).toBe("NOT_FOUND");
  });
});
