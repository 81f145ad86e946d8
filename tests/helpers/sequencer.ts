import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that took longest on a fresh clone (a cold model cache, child processes, a
 * browser), slowest first. Vitest orders a run it has no results for by file size, which
 * left a short file that embeds an 84-agent set for last, with one worker idle meanwhile.
 * Only an order: a file missing here runs all the same, after these.
 */
const SLOW_FIRST = [
  "tests/classify/similarity.test.ts",
  "tests/classify/not-engage-rule.test.ts",
  "tests/bench/bench-smoke.test.ts",
  "tests/package/packed-install.test.ts",
  "tests/hardening/reproducible.test.ts",
  "tests/browser/html-report.test.ts",
  "tests/hook/server.test.ts",
  "tests/docs/library-snippet.test.ts",
  "tests/cli/hook.test.ts",
  "tests/hardening/head-cache.test.ts",
  "tests/hardening/limits.test.ts",
  "tests/hardening/output-limits.test.ts",
  "tests/cli/advise.test.ts",
  "tests/embed/use-lite.test.ts",
  "tests/hardening/fuzz-sample.test.ts",
];

/** Vitest's own order, with the known slow files moved to the front. */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification): number => {
      const at = SLOW_FIRST.indexOf(path.relative(spec.project.config.root, spec.moduleId).split(path.sep).join("/"));
      return at < 0 ? SLOW_FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
