import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applyEdit } from "../../src/advise/edits.js";
import type { Advice } from "../../src/advise/types.js";
import { describeShared, REPO_ROOT, sharedPath } from "../helpers/shared.js";
import { runBuiltCli } from "../fixtures/eval/cli.js";

// A temp copy of a real agent set and its labeled prompts; keyword mode keeps the proof fast.
let dir = "";
/** The file edit 1 changed (the first test), reused by the symlink test. */
let editedFile = "";
const agents = () => path.join(dir, "agents");
const args = (...more: string[]) => [
  "advise",
  "--agents",
  "agents",
  "--dataset",
  "prompts.csv",
  "--no-embeddings",
  ...more,
];
const readAll = () =>
  Object.fromEntries(readdirSync(agents()).map((f) => [f, readFileSync(path.join(agents(), f), "utf8")]));

/** A fresh writable copy of the set (the shared sets are read-only; the copy is the user's own). */
function copySet(): void {
  rmSync(agents(), { recursive: true, force: true });
  cpSync(sharedPath("agent-sets/claude-config-12"), agents(), { recursive: true });
  chmodSync(agents(), 0o755);
  for (const f of readdirSync(agents())) chmodSync(path.join(agents(), f), 0o644);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "advise-apply-"));
  copySet();
  cpSync(path.join(REPO_ROOT, "datasets/claude-config-12.csv"), path.join(dir, "prompts.csv"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeShared("agentroute advise --apply on a copy of claude-config-12", () => {
  it("shows edit N as a diff, writes nothing without --yes (no terminal), then writes exactly that edit with --yes", async () => {
    const listed = await runBuiltCli([...args("--format", "json")], dir);
    expect(listed.code, listed.stderr).toBe(0);
    const advice = JSON.parse(listed.stdout) as Advice;
    expect(advice.proven.length).toBeGreaterThan(0);
    const edit = advice.proven[0]!;
    editedFile = edit.file;
    const before = readAll();

    const dry = await runBuiltCli(args("--apply", "1"), dir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`edit 1: ${edit.summary}`);
    expect(dry.stdout).toMatch(new RegExp(`^--- a/agents/${edit.file}\\n\\+\\+\\+ b/agents/${edit.file}\\n@@ `, "m"));
    expect(dry.stderr).toMatch(/not written: stdin is not a terminal.*add --yes/);
    expect(readAll()).toEqual(before);

    const wet = await runBuiltCli(args("--apply", "1", "--yes"), dir);
    expect(wet.code, wet.stderr).toBe(0);
    expect(wet.stderr).toContain(`wrote agents/${edit.file}`);
    const after = readAll();
    // Only the edited file changed, and by exactly the edit: every other line byte-identical.
    expect({ ...after, [edit.file]: "" }).toEqual({ ...before, [edit.file]: "" });
    expect(after[edit.file]).toBe(applyEdit(before[edit.file]!, edit));
    const [a, b] = [before[edit.file]!.split("\n"), after[edit.file]!.split("\n")];
    // Lines of the new file that the old one lacks (an inserted bullet shifts the lines after it).
    const left = new Map<string, number>();
    for (const line of a) left.set(line, (left.get(line) ?? 0) + 1);
    const added = b.filter((line) => {
      const n = left.get(line) ?? 0;
      left.set(line, n - 1);
      return n <= 0;
    });
    expect(added.length).toBeLessThanOrEqual(b.length - a.length + 1);
    // The written file still loads: lint reads it without a parse error.
    const lint = await runBuiltCli(["lint", "--agents", "agents", "--format", "json"], dir);
    expect(lint.stdout + lint.stderr).not.toMatch(/AGENT_PARSE|cannot parse/i);
  });

  it.each([
    [["--apply", "99"], /--apply 99: advise proved \d+ edit\(s\) on prompts\.csv \(1 to \d+\)/],
    [["--apply", "0"], /--apply: expected an edit number/],
    [["--apply", "two"], /--apply: expected an edit number \(1, 2, …\), got "two"/],
  ])("rejects %j with exit 2 and a hint, writing nothing", async (extra, message) => {
    copySet(); // the set as shipped, whatever an earlier test wrote
    const before = readAll();
    const result = await runBuiltCli(args(...extra), dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^hint: /m);
    expect(readAll()).toEqual(before);
  });

  it("needs a dataset to number the edits", async () => {
    const result = await runBuiltCli(["advise", "--agents", "agents", "--no-embeddings", "--apply", "1"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--apply needs --dataset/);
  });

  it("refuses to write through a symlinked agent file", async () => {
    // The original set again, so edit 1 is the same edit as in the first test.
    copySet();
    const file = path.join(agents(), editedFile);
    expect(editedFile).not.toBe("");
    const outside = path.join(dir, "outside.md");
    writeFileSync(outside, readFileSync(file, "utf8"));
    rmSync(file);
    symlinkSync(outside, file);
    const before = readFileSync(outside, "utf8");
    const result = await runBuiltCli(args("--apply", "1", "--yes"), dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/symlink/);
    expect(readFileSync(outside, "utf8")).toBe(before);
  });
});
