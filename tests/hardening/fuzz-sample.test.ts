import { beforeAll, describe, expect, it } from "vitest";
import { applyMutations } from "../../fuzz/mutate.js";
import { fuzzTarget } from "../../fuzz/run-target.js";
import type { FuzzSeeds } from "../../fuzz/seeds.js";
import { FUZZ_TARGETS, type FuzzTarget } from "../../fuzz/targets.js";
import { sharedSeeds } from "./seeds.js";

let seeds: FuzzSeeds;
beforeAll(async () => {
  seeds = await sharedSeeds();
}, 60_000);

/**
 * The fixed-seed sample of `npm run fuzz` that runs with every `npm test`: a few hundred cases
 * per reader (the full run does 10,000). The time limit is looser than the fuzz runner's
 * because the test machine is shared; a hang still fails.
 */
const SAMPLE = { cases: 120, seed: 20261125, timeLimitMs: 3000 };

describe("fuzzing every reader (fixed-seed sample)", () => {
  it("covers every reader named in the hardening issue", () => {
    expect(FUZZ_TARGETS.map((t) => t.name)).toEqual([
      "agent file",
      "dataset csv",
      "dataset jsonl",
      "router config",
      "baseline report",
      "batch prompts",
      "transcript",
      "dispatch log",
      "hook input",
      "vector cache",
      "head cache",
      "settings.json",
    ]);
  });

  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))(
    "%s: no uncaught error, no located error outside the file, no slow case",
    async (_name, target: FuzzTarget) => {
      const result = await fuzzTarget(target, seeds, SAMPLE);
      expect(result.counterexample).toBeNull();
      expect(result.failures).toBe(0);
    },
    120_000,
  );

  it("the judge catches a reader that throws a plain Error (the property can fail)", async () => {
    const broken: FuzzTarget = {
      name: "broken",
      seeds: (s) => s.configs,
      read: () => Promise.reject(new TypeError("boom")),
    };
    const result = await fuzzTarget(broken, seeds, { cases: 5, seed: 1, timeLimitMs: 1000 });
    expect(result.failures).toBe(5);
    expect(result.counterexample).toMatch(/uncaught TypeError: boom/);
  });

  it("the judge catches a slow reader", async () => {
    const slow: FuzzTarget = {
      name: "slow",
      seeds: (s) => s.configs,
      read: () => new Promise((r) => setTimeout(r, 30)),
    };
    const result = await fuzzTarget(slow, seeds, { cases: 2, seed: 1, timeLimitMs: 10 });
    expect(result.failures).toBe(2);
    expect(result.counterexample).toMatch(/took \d+ ms twice \(limit 10 ms\)/);
  });

  it("mutations are the ones named: truncate, splice, flip, duplicate, nest, huge line, CRLF, BOM", () => {
    const text = Buffer.from("a: 1\nb: 2\n");
    const apply = (m: Parameters<typeof applyMutations>[1][number]) =>
      applyMutations(text, [m], [Buffer.from("XYZ")]).toString("latin1");
    expect(apply({ kind: "truncate", at: 0x8000 })).toBe("a: 1\n");
    expect(apply({ kind: "splice", at: 0, from: 0, length: 2, donor: 0 })).toBe("XYa: 1\nb: 2\n");
    expect(apply({ kind: "flip", at: 0, bit: 5 })).toBe("A: 1\nb: 2\n");
    expect(apply({ kind: "duplicate-line", at: 0, times: 2 })).toBe("a: 1\na: 1\na: 1\nb: 2\n");
    expect(apply({ kind: "nest", at: 0, depth: 3, open: "[", close: "]" })).toBe("[[[]]]a: 1\nb: 2\n");
    expect(apply({ kind: "huge-line", at: 0xffff, length: 5, text: "z" })).toBe("a: 1\nb: 2\nzzzzz");
    expect(apply({ kind: "crlf" })).toBe("a: 1\r\nb: 2\r\n");
    expect(apply({ kind: "bom" })).toBe("\xEF\xBB\xBFa: 1\nb: 2\n");
  });
});
