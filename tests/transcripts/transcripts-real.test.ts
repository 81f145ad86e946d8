import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { readTranscriptLine } from "../../src/transcripts/transcript-line.js";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { describeShared, sharedPath } from "../helpers/shared.js";

const T = (...parts: string[]) => sharedPath("transcripts", ...parts);
const KIMUSON = T("d-kimuson-claude-code-viewer", "5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl");
const SHOWCASE = T("daaain-claude-code-log", "minimal_showcase", "55550000-0000-4000-8000-000000000001.jsonl");
const SHOWCASE_AGENT = T(
  "daaain-claude-code-log",
  "minimal_showcase",
  "55550000-0000-4000-8000-000000000001",
  "subagents",
  "agent-showcol1.jsonl",
);
const INLINE = T("daaain-claude-code-log", "sidechain_integrated.jsonl");
const MAROT_AGENT = T("marot-spotter", "ae4a77f8-aedd-4bc1-888f-c94edc91af04", "subagents", "agent-aac57f5.jsonl");

describeShared("dispatch log from the real transcripts in ../shared/transcripts", () => {
  it("1.0.108 (inline sidechains): the /orchestrator command answered by three Task calls", async () => {
    const { records, stats } = await readDispatchLog([KIMUSON]);
    // Line 1 is the slash command; line 2 its expanded body (isMeta); lines 12, 13 and 25
    // are the Task calls; lines 16-22 and 26-40 the subagents' own conversation (sidechain).
    expect(records).toEqual([
      {
        prompt: "/orchestrator @CLAUDE.md を最新の状態にアップデートしてください",
        dispatched: ["general-purpose", "general-purpose", "general-purpose"],
        skills: [],
        session: "5c0375b4-57a5-4f26-b12d-d022ee4e51b7",
        timestamp: "2025-09-07T09:52:03.071Z",
        version: "1.0.108",
        file: KIMUSON,
        line: 1,
      },
    ]);
    expect(stats.skipped).toEqual({ meta: 1, sidechain: 22, "tool-result": 13 });
    expect(stats).toMatchObject({ files: 1, lines: 53, prompts: 1, promptsWithDispatch: 1, problemCount: 0 });
    expect(stats.perAgent).toEqual({ "general-purpose": 3 });
  });

  it("2.1.173 (subagents/ folder): two parallel Agent calls answer the one typed prompt", async () => {
    const { records, stats } = await readDispatchLog([SHOWCASE]);
    expect(records).toEqual([
      {
        prompt: "Give me a tour of the repository: its structure, then compare the web and jobs modules side by side.",
        dispatched: ["general-purpose", "general-purpose"],
        skills: [],
        session: "55550000-0000-4000-8000-000000000001",
        timestamp: "2026-06-15T10:00:01.000Z",
        version: "2.1.173",
        file: SHOWCASE,
        line: 1,
      },
    ]);
    expect(stats.skipped).toEqual({ "tool-result": 5 });
  });

  it("walking the showcase folder reads the session and leaves out subagents/agent-*.jsonl", async () => {
    const { records, stats } = await readDispatchLog([T("daaain-claude-code-log", "minimal_showcase")]);
    expect(stats.files).toBe(1);
    expect(records.map((r) => r.file)).toEqual([SHOWCASE]);
  });

  it("2.0.46 trimmed session: a Task call with no typed prompt before it is reported, not invented", async () => {
    const { records, stats } = await readDispatchLog([INLINE]);
    expect(records).toEqual([]);
    expect(stats.orphanDispatches).toBe(1);
    expect(stats.problems).toEqual([
      {
        file: INLINE,
        line: 1,
        reason: "1 subagent call(s) before any typed prompt of session 88a8d761-7b9a-4bf1-a8ca-c1febe6bf358",
      },
    ]);
    expect(stats.skipped).toEqual({ "tool-result": 1, sidechain: 3 });
  });

  it.each([
    ["2.1.39 marot", MAROT_AGENT, 40],
    ["2.1.173 showcase", SHOWCASE_AGENT, 2],
  ])(
    "a subagent transcript passed explicitly (%s) yields no prompts: every line is a sidechain",
    async (_name, file, lines) => {
      const { records, stats } = await readDispatchLog([file]);
      expect(records).toEqual([]);
      expect(stats).toMatchObject({ files: 1, lines, prompts: 0, problemCount: 0 });
      expect(stats.skipped.sidechain).toBe(lines);
    },
  );

  // The first three sources, named one by one: walking the whole folder would change with every sample added.
  const FIRST_SOURCES = [T("d-kimuson-claude-code-viewer"), T("daaain-claude-code-log"), T("marot-spotter")];

  it("walking the first three sources: two prompts, five dispatches, in path order", async () => {
    const { records, stats } = await readDispatchLog(FIRST_SOURCES);
    expect(records.map((r) => [path.basename(r.file), r.dispatched.length])).toEqual([
      ["5c0375b4-57a5-4f26-b12d-d022ee4e51b7.jsonl", 3],
      ["55550000-0000-4000-8000-000000000001.jsonl", 2],
    ]);
    expect(stats).toMatchObject({ files: 3, prompts: 2, promptsWithDispatch: 2, orphanDispatches: 1 });
  });

  it("--since keeps only prompts at or after the date", async () => {
    const { records, stats } = await readDispatchLog(FIRST_SOURCES, { since: new Date("2026-01-01") });
    expect(records.map((r) => r.version)).toEqual(["2.1.173"]);
    expect(stats.beforeSince).toBe(1);
  });

  it.each([KIMUSON, SHOWCASE])("file-order attribution agrees with the parentUuid chain (%s)", async (file) => {
    // Walk each subagent call's parentUuid chain up to the first typed prompt: the prompt the
    // call answers by construction. It must be the prompt the reader attributed it to.
    const entries = (await readFile(file, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const byUuid = new Map(entries.map((e) => [e.uuid as string, e]));
    const promptLineOf = (entry: Record<string, unknown>): number => {
      let at: Record<string, unknown> | undefined = entry;
      while (at && readTranscriptLine(at).kind !== "prompt") at = byUuid.get(at.parentUuid as string);
      return at ? entries.indexOf(at) + 1 : -1;
    };
    const viaChain = entries
      .filter((e) => readTranscriptLine(e).kind === "dispatch")
      .flatMap((e) => {
        const event = readTranscriptLine(e);
        return event.kind === "dispatch" ? event.calls.map(() => promptLineOf(e)) : [];
      });
    const { records } = await readDispatchLog([file]);
    const viaFileOrder = records.flatMap((r) => r.dispatched.map(() => r.line));
    expect(viaChain).toEqual(viaFileOrder);
    expect(viaChain.length).toBeGreaterThan(0);
  });
});
