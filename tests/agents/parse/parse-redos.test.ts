import { describe, expect, it } from "vitest";
import { parseAgentFile } from "../../../src/agents/parse/parse.js";

const HEAD = "---\nname: a\ndescription: x\n---\n";

// Inputs shaped to make backtracking regexes go quadratic or worse; each found a real
// slowdown once (94 s for the heading case) and must now parse in well under a second.
const CASES: [string, string][] = [
  ["a heading of 300k closing-hash pairs", `${HEAD}# a${" #a".repeat(300_000)}\n`],
  ["a heading repeating 'when to use' 80k times", `${HEAD}## ${"when to use ".repeat(80_000)}\n`],
  ["a not-engage bullet with 100k redirect cues", `${HEAD}## When NOT to Engage\n- ${"use a-b, ".repeat(100_000)}\n`],
  ["a frontmatter line of 60k spaces and no colon", `---\nname: a\ndescription: b\nk${" ".repeat(60_000)}x\n---\n`],
  ["6.5k unclosed <example> tags", `---\nname: a\ndescription: |\n  ${"<example>".repeat(6_500)}\n---\n`],
  ["2k closed <example> blocks", `---\nname: a\ndescription: |\n  ${'<example>user: "x"</example>'.repeat(2_000)}\n---\n`],
  ["a delegation target of 60k brackets", `---\nname: a\ndescription: |\n  <delegation>\n  Trigger: t\n  Target: ${"[".repeat(60_000)}\n  </delegation>\n---\n`],
  ["30k lines of one space", `---\nname: a\ndescription: |\n  a${"\n ".repeat(30_000)}b\n---\n`],
  ["9k trigger phrases", `---\nname: a\ndescription: 'Triggers on: ${'"a", '.repeat(9_000)}'\n---\n`],
  ["60k apostrophes after a trigger lead", `---\nname: a\ndescription: "Triggers on '${"'a".repeat(30_000)}"\n---\n`],
  ["a 900k-character bullet line", `${HEAD}## Core Capabilities\n- ${"word ".repeat(180_000)}\n`],
  ["50k nested bullets", `${HEAD}## When to Engage\n${"- a\n  - b\n".repeat(25_000)}`],
];

describe("parseAgentFile stays linear on pathological input", () => {
  it.each(CASES)("%s", (_label, text) => {
    const started = performance.now();
    parseAgentFile(text, "x.md");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
