import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadAgents } from "../../../src/agents/load/load.js";
import { AgentRouteError } from "../../../src/errors.js";

const LAYOUTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/agents/layouts");
const work = mkdtempSync(path.join(tmpdir(), "agentroute-load-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const AGENT = (name: string) => `---\nname: ${name}\ndescription: Handles ${name}.\n---\nBody\n`;

/** A fresh folder under the test's temp dir, filled with `files` (path → content). */
function makeDir(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(work, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe("loadAgents", () => {
  it("finds flat, .claude/agents and plugins/*/agents files; skips node_modules, dot-dirs and READMEs", async () => {
    const set = await loadAgents(LAYOUTS);
    expect(set.agents.map((a) => [a.name, a.file])).toEqual([
      ["claude-agent", ".claude/agents/claude-agent.md"],
      ["flat-agent", "flat-agent.md"],
      ["plugin-agent", "plugins/p1/agents/plugin-agent.md"],
    ]);
    expect(set.agents[0]?.path).toBe(path.join(LAYOUTS, ".claude/agents/claude-agent.md"));
    // docs/guide.md and plugins/p1/README.md have no frontmatter but sit outside an agents folder: no warning.
    expect(set.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([["plugins/p1/agents/notes.md", 1, "no-frontmatter"]]);
    expect(set.root).toBe(LAYOUTS);
  });

  it("throws NOT_FOUND with a hint for a missing folder", async () => {
    const error = await loadAgents(path.join(work, "nope")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRouteError);
    expect(error).toMatchObject({ code: "NOT_FOUND", hint: expect.stringContaining(".claude/agents") });
  });

  it("throws NOT_FOUND for a file given as the folder", async () => {
    const dir = makeDir("file-not-folder", { "a.md": AGENT("a") });
    await expect(loadAgents(path.join(dir, "a.md"))).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/a\.md: not a folder$/) });
  });

  it("returns an empty set, not an error, for a folder without agents", async () => {
    const set = await loadAgents(makeDir("empty", {}));
    expect(set.agents).toEqual([]);
    expect(set.diagnostics).toEqual([]);
  });

  it("ends on symlink loops and still reads linked folders once", async () => {
    const dir = makeDir("loop", { "a/one.md": AGENT("one") });
    symlinkSync(dir, path.join(dir, "a", "back-to-root"));
    symlinkSync(path.join(dir, "a"), path.join(dir, "a-again"));
    const set = await loadAgents(dir);
    expect(set.agents.map((a) => a.file)).toEqual(["a/one.md"]);
  });

  it("turns binary, non-UTF-8, oversized and unreadable files into diagnostics and keeps the rest", async () => {
    const dir = makeDir("bad-files", {
      "good.md": AGENT("good"),
      "binary.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]),
      "latin1.md": Buffer.concat([Buffer.from("---\nname: caf"), Buffer.from([0xe9]), Buffer.from("\ndescription: x\n---\n")]),
      "huge.md": `${AGENT("huge")}${"x".repeat(2 * 1024 * 1024)}`,
      "locked.md": AGENT("locked"),
    });
    chmodSync(path.join(dir, "locked.md"), 0o000);
    const set = await loadAgents(dir);
    const rootCanRead = process.getuid?.() === 0;
    expect(set.agents.map((a) => a.name)).toEqual(rootCanRead ? ["good", "locked"] : ["good"]);
    expect(set.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ["binary.md", 2, "binary-file"],
      ["huge.md", 1, "file-too-large"],
      ["latin1.md", 2, "invalid-utf8"],
      ...(rootCanRead ? [] : [["locked.md", 1, "unreadable"]]),
    ]);
  });

  it("honours custom limits (depth, file count, file size)", async () => {
    const dir = makeDir("limits", { "a.md": AGENT("a"), "b.md": AGENT("b"), "deep/er/c.md": AGENT("c") });
    const shallow = await loadAgents(dir, { limits: { maxDepth: 1 } });
    expect(shallow.agents.map((a) => a.name)).toEqual(["a", "b"]);
    expect(shallow.diagnostics.map((d) => [d.file, d.code])).toEqual([["deep/er", "too-deep"]]);
    expect((await loadAgents(dir, { limits: { maxFiles: 3 } })).diagnostics).toEqual([]);
    const few = await loadAgents(dir, { limits: { maxFiles: 2 } });
    expect(few.agents.map((a) => a.name)).toEqual(["a", "b"]);
    expect(few.diagnostics.map((d) => d.code)).toEqual(["too-many-files"]);
    const small = await loadAgents(dir, { limits: { maxFileBytes: 10 } });
    expect(small.agents).toEqual([]);
  });

  it("hashes content: stable across loads and copies, different after an edit", async () => {
    const dir = makeDir("hash", { "a.md": AGENT("a"), "b.md": AGENT("b") });
    const copy = path.join(work, "hash-copy");
    cpSync(dir, copy, { recursive: true });
    const first = await loadAgents(dir);
    expect((await loadAgents(dir)).hash).toBe(first.hash);
    expect((await loadAgents(copy)).hash).toBe(first.hash);
    writeFileSync(path.join(copy, "b.md"), AGENT("b").replace("Body", "Body!"));
    expect((await loadAgents(copy)).hash).not.toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sorts agents by name, then file, whatever the folder order", async () => {
    const dir = makeDir("order", { "z.md": AGENT("alpha"), "a.md": AGENT("zulu"), "m/x.md": AGENT("alpha") });
    const set = await loadAgents(dir);
    expect(set.agents.map((a) => [a.name, a.file])).toEqual([["alpha", "m/x.md"], ["alpha", "z.md"], ["zulu", "a.md"]]);
  });
});
