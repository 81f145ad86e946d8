import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDataset } from "../../src/eval/dataset.js";
import { suggestNames } from "../../src/eval/labels.js";
import { scratchDir } from "./seeds.js";

/** Inputs the fuzzer found slow, kept as regression tests with a time bound. */
describe("inputs that once took minutes", () => {
  // 400 names like a real merged agent set.
  const names = Array.from({ length: 400 }, (_, i) => `agent-${i}-specialist`);

  it("a pasted paragraph in `expected` is rejected in milliseconds, not minutes (was 248 s)", async () => {
    const label = `djan${"- ".repeat(15_000)}go-orm-expert`;
    const file = path.join(await scratchDir(), "d.csv");
    await writeFile(file, `prompt,expected\nwrite the ORM query,${label}\n`);
    const start = performance.now();
    await expect(readDataset(file, { agentNames: names })).rejects.toMatchObject({ code: "DATASET_INVALID", line: 2 });
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("still suggests near misses (the length filter only skips names that cannot be within reach)", () => {
    expect(suggestNames("agent-7-specialst", names)[0]).toBe("agent-7-specialist");
    expect(suggestNames("x".repeat(5000), names)).toEqual([]);
  });
});
