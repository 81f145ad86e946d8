import { describe, expect, it } from "vitest";
import { extractDescriptionCues, extractTriggers } from "../../../src/agents/parse/description-cues.js";
import { splitSentences } from "../../../src/agents/parse/sentences.js";

const line3 = () => 3;
const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe("extractTriggers", () => {
  it.each([
    [`Triggers on "fix", "not working", "ci/cd".`, ["fix", "not working", "ci/cd"]],
    [`Triggers on "research", "what's best", "options".`, ["research", "what's best", "options"]],
    [`Triggers on: 'analyze A/B test', 'p-value', 'did it work'.`, ["analyze A/B test", "p-value", "did it work"]],
    [`Triggers on: 'why do we do it this way', 'what's best'`, ["why do we do it this way", "what's best"]],
    [`triggers on “deploy” and “rollback”`, ["deploy", "rollback"]],
    [`Trigger words: "a", "b" or "c". Then "not a trigger".`, ["a", "b", "c"]],
    [`Use when X. Nothing "quoted" here triggers on nothing.`, []],
  ])("%s → %j", (text, expected) => {
    expect(texts(extractTriggers(text))).toEqual(expected);
  });
});

describe("extractDescriptionCues: MUST BE USED and PROACTIVELY", () => {
  it.each([
    ["MUST BE USED for X, Y and Z. Use PROACTIVELY for W.", ["X, Y and Z"], ["W"]],
    ["MUST be used when something is broken. Use for ANY debugging.", ["something is broken"], []],
    ["Must be used proactively for schema reviews.", ["schema reviews"], ["schema reviews"]],
    ["Use proactively when encountering any issues.", [], ["encountering any issues"]],
    ["Use this agent PROACTIVELY after code changes.", [], ["code changes"]],
    ["Expert in APIs. Use PROACTIVELY when creating new backend services or APIs.", [], ["creating new backend services or APIs"]],
    ["MUST BE USED after multi-step tasks (3+ operations) or multi-file changes (5+ files).", ["multi-step tasks (3+ operations) or multi-file changes (5+ files)"], []],
    ["Plain capability statement.", [], []],
  ])("%s", (text, must, proactive) => {
    const cues = extractDescriptionCues(text, line3);
    expect([texts(cues.mustBeUsed), texts(cues.proactive)]).toEqual([must, proactive]);
  });

  it("keeps every sentence as a clause with its line, without the final period", () => {
    const cues = extractDescriptionCues("Use this agent when designing APIs. Invoke when you need REST design (e.g. OpenAPI).", line3);
    expect(cues.descriptionClauses).toEqual([
      { text: "Use this agent when designing APIs", line: 3 },
      { text: "Invoke when you need REST design (e.g. OpenAPI)", line: 3 },
    ]);
  });
});

describe("splitSentences", () => {
  it.each([
    ["A. B.", ["A", "B"]],
    ["Handles Next.js and Node.js apps. Then more.", ["Handles Next.js and Node.js apps", "Then more"]],
    ["One line\n\nSecond paragraph", ["One line", "Second paragraph"]],
    ["Intro:\n- first\n- second", ["Intro:", "- first", "- second"]],
    ["vs. the other one is fine e.g. This", ["vs. the other one is fine e.g. This"]],
  ])("%j → %j", (text, expected) => {
    expect(texts(splitSentences(text))).toEqual(expected);
  });
});
