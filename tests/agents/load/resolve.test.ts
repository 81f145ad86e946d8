import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveAgentsDir } from "../../../src/agents/load/resolve.js";

const work = mkdtempSync(path.join(tmpdir(), "agentroute-resolve-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("resolveAgentsDir", () => {
  it("uses the folder given, relative to cwd", () => {
    expect(resolveAgentsDir(work, "my-agents")).toBe(path.join(work, "my-agents"));
    expect(resolveAgentsDir(work, "/abs/agents")).toBe("/abs/agents");
  });

  it("prefers .claude/agents, else agents/, else says neither exists", () => {
    expect(() => resolveAgentsDir(work)).toThrow(/no agents folder: neither \.claude\/agents nor agents\/ exists/);
    mkdirSync(path.join(work, "agents"));
    expect(resolveAgentsDir(work)).toBe(path.join(work, "agents"));
    mkdirSync(path.join(work, ".claude", "agents"), { recursive: true });
    expect(resolveAgentsDir(work)).toBe(path.join(work, ".claude", "agents"));
    expect(resolveAgentsDir(work, "")).toBe(path.join(work, ".claude", "agents"));
  });
});
