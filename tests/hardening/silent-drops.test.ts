import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAgents } from "../../src/agents/load/load.js";
import { onlyLoadableNames } from "../../src/hook/agents.js";
import { readDataset } from "../../src/inputs/dataset.js";
import { describeDroppedFiles } from "../../src/pipeline/open.js";
import { renderReport } from "../../src/report/index.js";
import { readDispatchDataset } from "../../src/transcripts/dispatch-eval.js";
import { renderDispatchCsv } from "../../src/transcripts/dispatch-csv.js";
import { readDispatchLog } from "../../src/transcripts/transcripts.js";
import { buildReport } from "../fixtures/eval/report.js";
import { scratchDir } from "./seeds.js";

const agent = (name: string) => `---\nname: ${JSON.stringify(name)}\ndescription: Use for ${name} work.\n---\nBody.\n`;

describe("nothing is dropped without a word (issue 14, case 9)", () => {
  it("a folder over the file limit says so where routing happens", async () => {
    const dir = await scratchDir();
    for (let i = 0; i < 6; i++) await writeFile(path.join(dir, `a${i}.md`), agent(`a${i}`));
    const set = await loadAgents(dir, { limits: { maxFiles: 4 } });
    expect(set.agents).toHaveLength(4);
    expect(describeDroppedFiles(set)).toEqual([
      expect.stringMatching(/routing without some files: .*more than 4 Markdown files/),
    ]);
  });

  it.each([
    ["csv", "prompt,expected,__proto__,constructor\nfix it,a,x,y\n"],
    ["jsonl", '{"prompt":"fix it","expected":["a"],"tags":{"__proto__":"x","constructor":"y"}}\n'],
  ])("dataset %s: columns named __proto__ and constructor stay tags", async (ext, text) => {
    const file = path.join(await scratchDir(), `d.${ext}`);
    await writeFile(file, text);
    const { rows } = await readDataset(file, { agentNames: ["a"] });
    expect(Object.keys(rows[0]!.tags).sort()).toEqual(["__proto__", "constructor"]);
    expect(JSON.parse(JSON.stringify(rows[0]!.tags))).toEqual(JSON.parse('{"__proto__":"x","constructor":"y"}'));
    expect(Object.getPrototypeOf(rows[0]!.tags)).toBe(Object.prototype);
  });

  it("a subagent named constructor (or __proto__) is counted like any other", async () => {
    const dir = await scratchDir();
    const session = (uuid: string, prompt: string, agentName: string) =>
      [
        {
          type: "user",
          uuid: `u${uuid}`,
          sessionId: "s",
          timestamp: "2025-01-01T00:00:00Z",
          message: { role: "user", content: prompt },
        },
        {
          type: "assistant",
          uuid: `a${uuid}`,
          sessionId: "s",
          timestamp: "2025-01-01T00:00:01Z",
          message: {
            role: "assistant",
            content: [
              { type: "tool_use", id: `t${uuid}`, name: "Task", input: { subagent_type: agentName, prompt: "x" } },
            ],
          },
        },
      ].map((l) => JSON.stringify(l));
    const file = path.join(dir, "s.jsonl");
    await writeFile(
      file,
      [...session("1", "one", "constructor"), ...session("2", "two", "__proto__")].join("\n") + "\n",
    );
    const { stats } = await readDispatchLog([file]);
    expect(stats.perAgent).toEqual({ constructor: 1, "-proto-": 1 });
    const log = path.join(dir, "log.jsonl");
    await writeFile(log, '{"prompt":"p","dispatched":["constructor"],"session":"s"}\n');
    expect((await readDispatchDataset(log, { agentNames: ["a"] })).notInSet).toEqual({ constructor: 1 });
  });

  it("--as-dataset neutralises cells a spreadsheet would run, and reads them back unchanged", async () => {
    const dir = await scratchDir();
    const log = path.join(dir, "log.jsonl");
    const prompts = ['=HYPERLINK("http://evil","x")', "+1+1", "-2", "@SUM(A1)", "plain"];
    await writeFile(
      log,
      prompts.map((p) => JSON.stringify({ prompt: p, dispatched: ["a"], session: "s" })).join("\n") + "\n",
    );
    const csv = renderDispatchCsv(await readDispatchDataset(log, { agentNames: ["a"] }));
    for (const line of csv.split("\n").slice(1, -1)) expect(line).toMatch(/^("?'[=+\-@]|plain)/);
    await writeFile(path.join(dir, "back.csv"), csv);
    const back = await readDataset(path.join(dir, "back.csv"), { agentNames: ["a"] });
    expect(back.rows.map((r) => r.prompt)).toEqual(prompts);
  });

  it("Markdown reports neutralise images, links and mentions from prompts", async () => {
    const report = await buildReport(
      [{ prompt: "see ![p](https://t.example/p.png) and [x](https://evil.example) cc @team", expected: ["devops"] }],
      { devops: ["zzz"] },
    );
    // The report's own link to its HTML artefact is the one link allowed.
    const md = renderReport(report, "md").replace(/\[HTML report\]\(report\.html\)/g, "");
    expect(md).not.toMatch(/(?<!\\)[[\]]|https:\/\/|@team/); // every bracket escaped, no URL, no mention
    expect(md).toContain("@\u2060team");
  });

  it("the hook leaves out agent names Claude Code could not start", async () => {
    const dir = await scratchDir();
    await mkdir(path.join(dir, "x"));
    for (const name of ["good-one", "has space", "../escape", "dot.name"])
      await writeFile(path.join(dir, `${name.replace(/[^\w-]/g, "_")}.md`), agent(name));
    const set = onlyLoadableNames(await loadAgents(dir));
    expect(set.agents.map((a) => a.name)).toEqual(["good-one"]);
    expect(set.diagnostics.filter((d) => d.code === "unloadable-name")).toHaveLength(3);
    expect(await readFile(path.join(dir, "good-one.md"), "utf8")).toContain("good-one");
  });

  it("the hook keeps plugin agents' namespaced names (plugin:name)", async () => {
    const dir = await scratchDir();
    for (const name of ["superpowers:planner", "market:tools:reviewer", "bad:has space", ":lead"])
      await writeFile(path.join(dir, `${name.replace(/[^\w-]/g, "_")}.md`), agent(name));
    const set = onlyLoadableNames(await loadAgents(dir));
    expect(set.agents.map((a) => a.name).sort()).toEqual(["market:tools:reviewer", "superpowers:planner"]);
  });
});
