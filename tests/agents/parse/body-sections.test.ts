import { describe, expect, it } from "vitest";
import { classifyHeading, extractBodyCues } from "../../../src/agents/parse/body-sections.js";

describe("classifyHeading", () => {
  it.each([
    ["When to Engage", "engage"],
    ["When to use", "engage"],
    ["Use this agent when", "engage"],
    ["When NOT to Engage", "notEngage"],
    ["When not to use", "notEngage"],
    ["Do not use for", "notEngage"],
    ["Avoid when", "notEngage"],
    ["Not for", "notEngage"],
    ["Out of scope", "notEngage"],
    ["When to Use vs Security Auditor", "versus"],
    ["Core Capabilities", "capabilities"],
    ["Key Capabilities", "capabilities"],
    ["Core Expertise", "capabilities"],
    ["Focus Areas", "capabilities"],
    ["**Capabilities**:", "capabilities"],
    ["When invoked", undefined],
    ["SYSTEM BOUNDARY", undefined],
    ["Coordination", undefined],
  ])("%s → %s", (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });
});

describe("extractBodyCues", () => {
  it("reads bullets of every marker, joins continuation lines and drops bold markers", () => {
    const body = [
      "## Core Capabilities", // line 10
      "- **Distributed systems**: service mesh,",
      "  consensus",
      "* Caching",
      "1. Queues",
      "",
      "## When NOT to Engage", // line 16
      "- Debugging (use debugger)",
    ].join("\n");
    expect(extractBodyCues(body, 10)).toEqual({
      capabilities: [
        { text: "Distributed systems: service mesh, consensus", line: 11 },
        { text: "Caching", line: 13 },
        { text: "Queues", line: 14 },
      ],
      engage: [],
      notEngage: [{ text: "Debugging (use debugger)", line: 17, redirects: ["debugger"] }],
    });
  });

  it("keeps bullets under sub-headings inside the section and skips fenced code", () => {
    const body = "## Capabilities\n### Tailwind\n- Utilities\n```\n- not a bullet\n```\n## Workflow\n- step";
    expect(extractBodyCues(body, 1).capabilities).toEqual([{ text: "Utilities", line: 3 }]);
  });

  it("does not take a 'When invoked:' step list as engage bullets", () => {
    expect(extractBodyCues("When invoked:\n1. Query context\n2. Review", 1)).toEqual({ engage: [], notEngage: [], capabilities: [] });
  });

  it("splits a 'When to Use vs X' section into engage and redirecting not-engage bullets", () => {
    const body = "## When to Use vs Security Auditor\n- **Use this agent for**: secure coding\n- **Use security-auditor for**: audits\n- **Key difference**: x";
    expect(extractBodyCues(body, 1)).toEqual({
      engage: [{ text: "secure coding", line: 2 }],
      notEngage: [{ text: "audits", line: 3, redirects: ["security-auditor"] }],
      capabilities: [],
    });
  });
});
