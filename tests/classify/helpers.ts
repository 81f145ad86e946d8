import path from "node:path";
import { openRouter, type OpenedRouter } from "../../src/pipeline/open.js";
import { REPO_ROOT, testCacheDir } from "../helpers/shared.js";

export const FIXTURE_AGENTS = path.join(REPO_ROOT, "tests/fixtures/classify/agents");

/** A router over the fixture agents with the test run's cache folder (real model unless keyword). */
export async function openFixtureRouter(embeddings: boolean, config?: Record<string, unknown>): Promise<OpenedRouter> {
  const cacheDir = testCacheDir();
  const { resolveConfig } = await import("../../src/classify/config.js");
  return openRouter({
    agentsDir: FIXTURE_AGENTS,
    cwd: REPO_ROOT,
    embeddings,
    cacheDir,
    warn: () => {},
    config: config ? resolveConfig(config) : undefined,
  });
}

/** A router over the repository's example agents (agents/), real model, the test run's cache. */
export async function openExampleRouter(config: Record<string, unknown> = {}): Promise<OpenedRouter> {
  const { resolveConfig } = await import("../../src/classify/config.js");
  return openRouter({
    agentsDir: path.join(REPO_ROOT, "agents"),
    cwd: REPO_ROOT,
    embeddings: true,
    cacheDir: testCacheDir(),
    warn: () => {},
    config: resolveConfig(config),
  });
}
