import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { describeShared, sharedPath } from "../helpers/shared.js";

const T = (...parts: string[]) => sharedPath("transcripts", ...parts);

describeShared("transcripts: skills and plugin agents (entireio samples)", () => {
  it("2.0.76: a Skill call and six 3-part plugin subagent types, kept as written", async () => {
    const { records } = await readDispatchLog([T("entireio-cli/51")]);
    const review = records.find((r) => r.prompt === "/workflows:review")!;
    expect(review.skills).toEqual(["entire-engineering:workflows:review"]);
    expect(review.dispatched).toHaveLength(6);
    expect(review.dispatched).toContain("entire-engineering:review:security-sentinel");
    expect(review.dispatched).toContain("entire-engineering:research:git-history-analyzer");
  });

  it("2.1.17: a natural-language prompt answered by a skill, then a plugin subagent", async () => {
    const { records } = await readDispatchLog([T("entireio-cli/71")]);
    const asked = records.find((r) => r.prompt.startsWith("can you invoke your requesting-code-review skill"))!;
    expect([asked.skills, asked.dispatched]).toEqual([
      ["superpowers:requesting-code-review"],
      ["superpowers:code-reviewer"],
    ]);
  });

  it("2.1.112 (Agent tool): nested checkpoint folders walked, two Skill calls, plugin agents kept", async () => {
    const { records, stats } = await readDispatchLog([T("entireio-skills")]);
    expect(stats.files).toBe(1);
    expect(stats.perSkill).toEqual({ "superpowers:subagent-driven-development": 1, "superpowers:writing-plans": 1 });
    expect(stats.perAgent).toEqual({ "general-purpose": 6, "superpowers:code-reviewer": 4 });
    expect(records.filter((r) => r.skills.length > 0).map((r) => r.prompt)).toEqual(["do it", "1"]);
  });
});

describe("transcripts: a call without subagent_type takes its type from the result or the meta sidecar", () => {
  const root = mkdtempSync(path.join(tmpdir(), "agentroute-meta-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const line = (o: object) => JSON.stringify(o);
  const call = (id: string) =>
    line({
      type: "assistant",
      sessionId: "s1",
      message: { content: [{ type: "tool_use", id, name: "Agent", input: { prompt: "p" } }] },
    });
  const result = (id: string, toolUseResult: object) =>
    line({
      type: "user",
      sessionId: "s1",
      toolUseResult,
      message: { content: [{ type: "tool_result", tool_use_id: id }] },
    });

  it("reads toolUseResult.agentType, then agent-<id>.meta.json, and reports a call neither names", async () => {
    const file = path.join(root, "s1.jsonl");
    writeFileSync(
      file,
      [
        line({ type: "user", sessionId: "s1", uuid: "u1", message: { content: "review and test it" } }),
        call("t1"),
        result("t1", { agentId: "a1", agentType: "superpowers:code-reviewer" }),
        call("t2"),
        result("t2", { agentId: "a2" }),
        call("t3"),
        result("t3", { agentId: "a3" }),
      ].join("\n") + "\n",
    );
    mkdirSync(path.join(root, "s1", "subagents"), { recursive: true });
    writeFileSync(path.join(root, "s1", "subagents", "agent-a2.meta.json"), line({ agentType: "Test_Writer" }));
    const { records, stats } = await readDispatchLog([file]);
    expect(records.map((r) => r.dispatched)).toEqual([["superpowers:code-reviewer", "test-writer"]]);
    expect(stats.problems.map((p) => [p.line, p.reason])).toEqual([
      [6, "subagent call without subagent_type, not counted"],
    ]);
  });
});
