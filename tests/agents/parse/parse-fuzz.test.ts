import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAgentFile } from "../../../src/agents/parse/parse.js";

// Pieces real agent files are made of, so random files reach deep into the parser.
const DESCRIPTION_PIECES = [
  "MUST BE USED for x. ", "Must be used proactively when y. ", "Use PROACTIVELY when y. ", 'Triggers on "a", \'b\'. ',
  "Triggers on: 'what's best', 'ci/cd'. ", "<example>", "</example>", 'user: "hi"', "Context: c", "assistant: ok", "<commentary>",
  "</commentary>", "<delegation>", "Trigger: t", "Target: x-y", "</delegation>", "Examples:", "- ", "e.g. ", ". ", "\n", "\n\n", ": ", "'", '"',
];
const BODY_PIECES = [
  "## When NOT to Engage\n", "## When to Engage\n", "## Core Capabilities\n", "### Sub\n", "# Top\n", "- bullet (use other-agent)\n",
  "* better suited for a-b or c\n", "1. step\n", "  continued\n", "**bold**: ", "```\n", "\n", "When invoked:\n", "\r\n", "\0",
];
const FRONT_PIECES = ["tools: Read, Grep\n", "tools: [a, b]\n", "model: sonnet\n", "__proto__: {x: 1}\n", "x: &a [1, 2]\ny: *a\n", "name: b\n", "bad: [\n", ""];

const pieces = (list: string[]) => fc.array(fc.oneof(fc.constantFrom(...list), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((p) => p.join(""));

/** A file shaped like an agent: frontmatter with random extras, a block-scalar description, a random body. */
const agentFile = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(fc.constantFrom(...FRONT_PIECES), { maxLength: 3 }).map((p) => p.join("")), pieces(DESCRIPTION_PIECES), pieces(BODY_PIECES))
  .map(([bom, crlf, extra, description, body]) => {
    const text = `---\nname: a\ndescription: |\n  ${description.replace(/\n/g, "\n  ")}\n${extra}---\n${body}`;
    return `${bom ? "\uFEFF" : ""}${crlf ? text.replace(/\n/g, "\r\n") : text}`;
  });

/** Lines in the file as an editor counts them. */
const countLines = (text: string) => text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).length;

function checkLines(text: string): boolean {
  const lineCount = countLines(text);
  const { agent, diagnostics } = parseAgentFile(text, "f.md");
  const cues = agent
    ? [...agent.triggers, ...agent.mustBeUsed, ...agent.proactive, ...agent.descriptionClauses, ...agent.engage, ...agent.notEngage, ...agent.capabilities, ...agent.examples]
    : [];
  for (const item of [...diagnostics, ...cues]) {
    expect(item.line).toBeGreaterThanOrEqual(1);
    expect(item.line).toBeLessThanOrEqual(lineCount);
  }
  return agent !== undefined;
}

describe("parseAgentFile on random input", () => {
  it("never throws on agent-shaped files, and every line it reports is inside the file", () => {
    let parsed = 0;
    fc.assert(fc.property(agentFile, (text) => { if (checkLines(text)) parsed++; }), { numRuns: 2000, seed: 20261125 });
    // Many generated files must really parse, or the property above tests nothing.
    expect(parsed).toBeGreaterThan(800);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: "binary" }), (text) => void checkLines(text)), { numRuns: 2000, seed: 7 });
  });
});
