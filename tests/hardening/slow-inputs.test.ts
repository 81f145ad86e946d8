import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAgentFile } from "../../src/agents/parse/parse.js";
import { readDataset } from "../../src/inputs/dataset.js";
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

describe("agent descriptions with long runs of spaces or punctuation", () => {
  // A `[…]+$` regex retried from every position of the run: 30k spaces took 1.4 s, 60k dots 6 s.
  it.each([" ", ".", "!", ",;"])("a %j run of ~28,000 characters parses in well under a second", (run) => {
    const filler = run.repeat(Math.floor(28_000 / run.length));
    const text = `---\nname: a\ndescription: MUST BE USED f${filler}x. Use PROACTIVELY for y${filler}z\n---\n`;
    const start = performance.now();
    const { agent } = parseAgentFile(text, "a.md");
    expect(performance.now() - start).toBeLessThan(500);
    expect(agent?.mustBeUsed.length).toBe(1);
  });
});
