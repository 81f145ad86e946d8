import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One vector and head cache for the whole test run, in a temp folder (never the repository's
 * .agentroute-cache, nor the developer's $AGENTROUTE_CACHE_DIR): tests that embed the same agent
 * sets share the work, and nothing of a run is left behind. It is also the default cache of
 * every CLI a test spawns (AGENTROUTE_CACHE_DIR). Tests about the cache make their own folders.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-test-cache-"));
  process.env.AGENTROUTE_TEST_CACHE = dir;
  process.env.AGENTROUTE_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
