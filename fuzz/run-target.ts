import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { isAgentRouteError } from "../src/errors.js";
import { inputArbitrary } from "./mutate.js";
import type { FuzzSeeds } from "./seeds.js";
import { countLines, type FuzzTarget } from "./targets.js";

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** A case slower than this is a failure (a hang in the making). */
  timeLimitMs: number;
}

export interface FuzzResult {
  reader: string;
  cases: number;
  failures: number;
  slowestMs: number;
  /** fast-check's report of the shrunk counterexample, when some case failed. */
  counterexample: string | null;
  seed: number;
}

/**
 * Why one input failed, or null when the reader behaved: it returned (or, unless it is total,
 * threw an AgentRouteError with a code, naming the file when it should, and a line inside the
 * file), within the time limit.
 *
 * @example
 * await judgeCase(FUZZ_TARGETS[0], Buffer.from("---\nname: a\n"), ctx, 1000) // null
 */
export async function judgeCase(
  target: FuzzTarget,
  input: Buffer,
  ctx: { dir: string; seeds: FuzzSeeds },
  timeLimitMs: number,
): Promise<{ problem: string | null; ms: number }> {
  const start = performance.now();
  let problem: string | null = null;
  try {
    await target.read(input, ctx);
  } catch (err) {
    problem = judgeError(target, err, input);
  }
  let ms = performance.now() - start;
  // A busy machine can stall any one case; a slow case counts only when it is slow twice.
  if (problem === null && ms > timeLimitMs) {
    const again = performance.now();
    await target.read(input, ctx).catch(() => undefined);
    ms = Math.min(ms, performance.now() - again);
    if (ms > timeLimitMs) problem = `took ${ms.toFixed(0)} ms twice (limit ${timeLimitMs} ms)`;
  }
  return { problem, ms };
}

/**
 * Gives an input a short printable form for fast-check's report: the text with long runs of
 * one character folded (`«" ×4000»`), so a counterexample of 60 KiB fits on a screen.
 */
function withSummary(input: Buffer): Buffer {
  const text = JSON.stringify(input.toString("utf8")).replace(
    /(.)\1{19,}/gs,
    (run, ch: string) => `«${ch} ×${run.length}»`,
  );
  const shown = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  return Object.defineProperty(input, fc.toStringMethod, {
    value: () => `${input.length} bytes: ${shown}`,
    enumerable: false,
    configurable: true,
  });
}

function judgeError(target: FuzzTarget, err: unknown, input: Buffer): string | null {
  if (!isAgentRouteError(err)) return `uncaught ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
  if (target.total) return `threw ${err.code} but must report problems as data: ${err.message}`;
  if (!err.code) return `AgentRouteError without a code: ${err.message}`;
  if (target.locates && err.file === undefined) return `${err.code} does not name the file: ${err.message}`;
  const lines = countLines(input.toString("utf8"));
  // A reader may point one past the last line (the end of an unterminated record).
  if (err.line !== undefined && (err.line < 1 || err.line > lines + 1))
    return `${err.code} names line ${err.line}, outside 1..${lines}: ${err.message}`;
  return null;
}

/**
 * Runs `options.cases` inputs (mutated real seeds and random ones) through one reader. Every
 * case is judged and counted; when some fail, fast-check re-runs the same seed and shrinks
 * the first failure to a minimal counterexample.
 *
 * @example
 * const result = await fuzzTarget(FUZZ_TARGETS[0], seeds, { cases: 100, seed: 1, timeLimitMs: 1000 });
 * result.failures // 0
 */
export async function fuzzTarget(target: FuzzTarget, seeds: FuzzSeeds, options: FuzzOptions): Promise<FuzzResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "agentroute-fuzz-"));
  const ctx = { dir, seeds };
  const arbitrary = inputArbitrary(target.seeds(seeds)).map(withSummary);
  let failures = 0;
  let slowestMs = 0;
  let counterexample: string | null = null;
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const { problem, ms } = await judgeCase(target, input, ctx, options.timeLimitMs);
        slowestMs = Math.max(slowestMs, ms);
        if (problem !== null) failures++;
      }),
      { numRuns: options.cases, seed: options.seed, endOnFailure: true },
    );
    if (failures > 0) {
      const details = await fc.check(
        fc.asyncProperty(arbitrary, async (input) => {
          const { problem } = await judgeCase(target, input, ctx, options.timeLimitMs);
          if (problem !== null) throw new Error(problem);
        }),
        { numRuns: options.cases, seed: options.seed },
      );
      const cause = details.errorInstance instanceof Error ? `\nFailure: ${details.errorInstance.message}` : "";
      counterexample = details.failed
        ? `${fc.defaultReportMessage(details) ?? ""}${cause}`
        : "failure did not reproduce on re-run (timing?)";
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { reader: target.name, cases: options.cases, failures, slowestMs, counterexample, seed: options.seed };
}
