import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT, testCacheDir } from "./shared.js";

it("tests and the CLIs they spawn cache into the run's temp folder, not the repository", () => {
  const dir = testCacheDir();
  expect(path.dirname(dir)).toBe(os.tmpdir());
  expect(process.env.AGENTROUTE_CACHE_DIR).toBe(dir);
  const child = execFileSync(process.execPath, ["-e", "process.stdout.write(process.env.AGENTROUTE_CACHE_DIR ?? '')"]);
  expect(child.toString()).toBe(dir);
  expect(dir.startsWith(REPO_ROOT)).toBe(false);
});
