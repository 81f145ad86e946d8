import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

/** The read-only `../shared` folder beside the checkout (real agent sets, datasets, transcripts). */
export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared");
export const HAS_SHARED = existsSync(path.join(SHARED_DIR, "agent-sets"));

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED_DIR, ...parts);
}

if (!HAS_SHARED && !process.env.AGENTROUTE_SHARED_WARNED) {
  process.env.AGENTROUTE_SHARED_WARNED = "1";
  console.warn(
    `[agentroute tests] ${SHARED_DIR} not found: tests that need the real agent sets, datasets and transcripts are skipped.`,
  );
}

/** `describe` that runs only when ../shared is present, and says so when it is not. */
export const describeShared: typeof describe = (HAS_SHARED ? describe : describe.skip) as typeof describe;

/** Repository root (for the built CLI, the example agents and datasets). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = path.join(REPO_ROOT, "dist/src/cli/main.js");

/**
 * The test run's shared cache folder (tests/helpers/global-setup.ts), for tests that embed real
 * agent sets but are not about the cache: a temp folder, never the repository's own cache.
 */
export function testCacheDir(): string {
  const dir = process.env.AGENTROUTE_TEST_CACHE;
  if (!dir) throw new Error("AGENTROUTE_TEST_CACHE is unset: run the tests through vitest (globalSetup)");
  return dir;
}
