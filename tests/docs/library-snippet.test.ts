import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

// docs/library.md's snippet, run as a user would: `import … from "agentroute"` resolves to this
// built package (node_modules/agentroute links to the repository, whose package.json `exports`
// points at dist/), in a project folder with .claude/agents and a labeled prompts.csv.
const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-library-snippet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function snippet(): string {
  const doc = readFileSync(path.join(REPO_ROOT, "docs/library.md"), "utf8");
  const m = /<!-- tested: library-snippet -->\n```ts\n([\s\S]*?)\n```/.exec(doc);
  if (!m) throw new Error("docs/library.md has no ```ts block after <!-- tested: library-snippet -->");
  return m[1]!;
}

it("docs/library.md's snippet runs against the built package and prints what its comments say", () => {
  mkdirSync(path.join(dir, ".claude"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "agents"), path.join(dir, ".claude/agents"), { recursive: true });
  const rows = readFileSync(path.join(REPO_ROOT, "datasets/example.csv"), "utf8").split("\n").slice(0, 41);
  writeFileSync(path.join(dir, "prompts.csv"), `${rows.join("\n")}\n`);
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(REPO_ROOT, path.join(dir, "node_modules/agentroute"), "dir");
  // The snippet has no type annotations, so it runs as JavaScript unchanged.
  writeFileSync(path.join(dir, "snippet.mjs"), snippet());
  const run = spawnSync(process.execPath, ["snippet.mjs"], {
    cwd: dir,
    encoding: "utf8",
    // The run's shared cache (tests/helpers/global-setup.ts): the snippet is not about the cache.
    env: process.env,
  });
  expect(run.stderr).not.toMatch(/error|hint:/i);
  expect(run.status).toBe(0);
  const lines = run.stdout.split("\n");
  expect(lines[0]).toMatch(/^\[ 'database-specialist' \] database-specialist \(0\.\d\d\): /);
  expect(lines[1]).toMatch(/^\[ \[ '[a-z-]+' \], \[\] \]$/);
  expect(lines).toContain("devops-engineer.md:35 warning unknown-redirect");
  expect(run.stdout).toMatch(/accuracy [01]\.\d{3}, macro-F1 [01]\.\d{3}\n## agentroute eval/);
}, 240_000);
