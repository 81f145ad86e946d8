import { describe, expect, it } from "vitest";
import { blankOutBlocks, extractDelegations, extractExamples } from "../../../src/agents/parse/examples.js";

const line1 = () => 1;

describe("extractExamples", () => {
  it("reads the one-line banking77 style", () => {
    const { examples } = extractExamples('<example>user: "I need to activate my card."</example>', line1);
    expect(examples).toEqual([{ user: "I need to activate my card.", line: 1 }]);
  });

  it("reads Context / user / assistant / commentary blocks written as list items", () => {
    const text = [
      "- <example>",
      "  Context: Before merging a pull request",
      '  user: "Can you review this PR before I merge?"',
      '  assistant: "Let me use the code-reviewer to examine the changes"',
      "  <commentary>",
      "  Pre-merge reviews catch issues",
      "  </commentary>",
      "</example>",
    ].join("\n");
    expect(extractExamples(text, line1).examples).toEqual([{
      user: "Can you review this PR before I merge?",
      context: "Before merging a pull request",
      assistant: "Let me use the code-reviewer to examine the changes",
      commentary: "Pre-merge reviews catch issues",
      line: 1,
    }]);
  });

  it("takes an unlabelled block as the utterance itself", () => {
    expect(extractExamples("<example>\n“Deploy to staging”\n</example>", line1).examples).toEqual([{ user: "Deploy to staging", line: 1 }]);
  });

  it("reports a block with labels but no user line", () => {
    const result = extractExamples("<example>Context: x\nassistant: y</example>", () => 7);
    expect(result).toEqual({ examples: [], missingUser: [7], escaped: 0 });
  });
});

describe("extractDelegations", () => {
  it("turns Trigger/Target into a not-engage rule redirecting to the target", () => {
    const text = "- <delegation>\n  Trigger: Security review requested\n  Target: security-auditor\n  Handoff: \"x\"\n</delegation>";
    expect(extractDelegations(text, line1)).toEqual([{ text: "Security review requested", line: 1, redirects: ["security-auditor"] }]);
  });
});

describe("blankOutBlocks", () => {
  it("keeps length and line breaks so offsets still map to lines", () => {
    const text = "Intro.\n<example>user: \"a\"\n</example>\nAfter.";
    const blanked = blankOutBlocks(text);
    expect(blanked.length).toBe(text.length);
    expect(blanked.split("\n").length).toBe(text.split("\n").length);
    expect(blanked).not.toContain("example");
  });
});
