import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { afterAll, describe, expect, it } from "vitest";
import { parseAgentFile } from "../../../src/agents/parse/parse.js";

const work = mkdtempSync(path.join(tmpdir(), "agentroute-safety-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const codes = (text: string) => parseAgentFile(text, "x.md").diagnostics.map((d) => [d.line, d.severity, d.code]);

/** A `---js` frontmatter that writes `marker` when evaluated. */
function jsFrontmatter(marker: string, tag = "js"): string {
  return `---${tag}\n{ name: require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned') || 'x', description: 'y' }\n---\nbody\n`;
}

/** 10 levels of 9 aliases each: 9^9 ≈ 387 million leaves when walked. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  return `---\nname: bomb\ndescription: boom\n${lines.join("\n")}\n---\n`;
}

describe("parseAgentFile on hostile input", () => {
  it.each(["js", "javascript", "coffee", " js"])("never runs ---%s frontmatter, and says so", (tag) => {
    const marker = path.join(work, `marker-${tag.trim()}`);
    const result = parseAgentFile(jsFrontmatter(marker, tag), "evil.md");
    expect(existsSync(marker)).toBe(false);
    expect(result.agent).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.severity, d.code])).toEqual([[1, "error", "unsupported-frontmatter"]]);
  });

  it("uses an input that gray-matter's defaults would execute (so the test above can fail)", () => {
    const marker = path.join(work, "marker-gray-matter");
    matter(jsFrontmatter(marker));
    expect(existsSync(marker)).toBe(true);
  });

  it("refuses a billion-laughs alias bomb within a second, with a diagnostic", () => {
    const started = performance.now();
    const result = parseAgentFile(billionLaughs(), "bomb.md");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.agent).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.code])).toEqual([[2, "yaml-too-large"]]);
  });

  it("keeps __proto__ as a plain key and pollutes nothing", () => {
    const result = parseAgentFile("---\nname: a\ndescription: b\n__proto__:\n  polluted: yes\n---\n", "a.md");
    const front = result.agent?.frontmatter ?? {};
    expect(Object.getPrototypeOf(front)).toBeNull();
    expect(Object.keys(front)).toEqual(["name", "description", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("refuses YAML tags that build objects or run code", () => {
    expect(codes("---\nname: !!js/function 'function(){}'\ndescription: b\n---\n")).toEqual([[2, "error", "malformed-frontmatter"]]);
  });

  it("refuses text over the size limit without parsing it", () => {
    const big = `---\nname: a\ndescription: b\n---\n${"x".repeat(2 * 1024 * 1024)}`;
    expect(codes(big)).toEqual([[1, "error", "file-too-large"]]);
  });

  it("refuses text with NUL characters and names the line", () => {
    expect(codes("---\nname: a\ndescription: b\n---\nok\n\0\0")).toEqual([[6, "error", "binary-file"]]);
  });

  it("refuses oversized frontmatter", () => {
    expect(codes(`---\nname: a\ndescription: ${"y".repeat(70_000)}\n---\n`)).toEqual([[1, "error", "frontmatter-too-large"]]);
  });
});

describe("parseAgentFile line endings and BOM", () => {
  const lf = [
    "---",
    "name: a",
    "description: |",
    "  MUST BE USED for APIs.",
    "  Use PROACTIVELY for schemas.",
    '  <example>user: "design an API"</example>',
    "---",
    "## When to Engage",
    "- API design",
    "## When NOT to Engage",
    "- Debugging (use debugger)",
    "",
  ].join("\n");

  it("parses BOM + CRLF to the same spec as LF, with the same line numbers", () => {
    const crlf = `\uFEFF${lf.replace(/\n/g, "\r\n")}`;
    const a = parseAgentFile(lf, "a.md");
    const b = parseAgentFile(crlf, "a.md");
    expect(b).toEqual(a);
    expect(a.agent?.mustBeUsed).toEqual([{ text: "APIs", line: 4 }]);
    expect(a.agent?.proactive).toEqual([{ text: "schemas", line: 5 }]);
    expect(a.agent?.examples).toEqual([{ user: "design an API", line: 6 }]);
    expect(a.agent?.engage).toEqual([{ text: "API design", line: 9 }]);
    expect(a.agent?.notEngage).toEqual([{ text: "Debugging (use debugger)", line: 11, redirects: ["debugger"] }]);
  });
});

describe("parseAgentFile on broken frontmatter", () => {
  it("recovers an unquoted `Triggers on: '…'` description with the line-based reader, as an error", () => {
    const text = "---\nname: ab-test\ndescription: Use when testing. Triggers on: 'p-value', 'did it work'.\ntools: Read\n---\nBody\n";
    const result = parseAgentFile(text, "ab-test.md");
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ line: 3, severity: "error", code: "malformed-frontmatter" });
    expect(result.diagnostics[0]?.message).toMatch(/recovered with the line-based reader/);
    expect(result.agent?.triggers).toEqual([{ text: "p-value", line: 3 }, { text: "did it work", line: 3 }]);
    expect(result.agent?.tools).toEqual(["Read"]);
  });

  it.each([
    ["no frontmatter", "# Title\n", [[1, "warning", "no-frontmatter"]]],
    ["unclosed fence", "---\nname: a\n", [[1, "error", "malformed-frontmatter"]]],
    ["a list, not a map", "---\n- a\n---\n", [[2, "error", "malformed-frontmatter"]]],
    ["a repeated key (ambiguous, not recovered)", "---\nname: a\nname: b\ndescription: c\n---\n", [[3, "error", "malformed-frontmatter"]]],
    ["missing name", "---\ndescription: c\n---\n", [[2, "error", "missing-name"]]],
    ["empty description", "---\nname: a\ndescription: ''\n---\n", [[3, "error", "missing-description"]]],
    ["a name that is a list", "---\nname: [a]\ndescription: c\n---\n", [[2, "error", "invalid-field"]]],
  ])("%s → no agent, a diagnostic", (_label, text, expected) => {
    const result = parseAgentFile(text, "x.md");
    expect(result.agent).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.severity, d.code])).toEqual(expected);
  });

  it("accepts `tools` as a YAML list and keeps unknown keys as they are", () => {
    const result = parseAgentFile("---\nname: a\ndescription: b\ntools: [Read, Grep]\npermissionMode: plan\n---\n", "a.md");
    expect(result.agent?.tools).toEqual(["Read", "Grep"]);
    expect(result.agent?.frontmatter.permissionMode).toBe("plan");
    expect(result.agent?.nameLine).toBe(2);
  });
});
