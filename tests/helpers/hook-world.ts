import { cp, mkdir, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./shared.js";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/dispatch");

/**
 * A temp folder as Claude Code would see it for a hook: `project/` (the fixture project with
 * its .claude/agents) and `home/.claude/agents` (the fixture user agents). Keep `prefix` short
 * where a hook server's socket goes under it (socket paths are limited to about 100 bytes).
 */
export async function makeHookWorld(prefix: string): Promise<{ root: string; home: string; project: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const home = path.join(root, "home");
  const project = path.join(root, "project");
  await cp(path.join(FIXTURES, "hook-project"), project, { recursive: true });
  await mkdir(path.join(home, ".claude"), { recursive: true });
  await cp(path.join(FIXTURES, "hook-user", "agents"), path.join(home, ".claude", "agents"), { recursive: true });
  return { root, home, project };
}
