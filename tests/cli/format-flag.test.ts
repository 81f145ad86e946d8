import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, tempFolder } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/shared.js";

const tmp = tempFolder("format");
const AGENTS = path.join(REPO_ROOT, "tests/fixtures/eval/agents");
const DATASET = path.join(REPO_ROOT, "tests/fixtures/eval/tiny.csv");
const run = (argv: string[]) => runInProcess(argv, { cwd: tmp });

const KW = ["--agents", AGENTS, "--no-embeddings"];

describe("--format, the same on every command", () => {
  it.each([
    ["lint", [AGENTS], "text, json"],
    ["route", [...KW, "prune the roses"], "text, json"],
    ["tune", [...KW, "--dataset", DATASET, "--out", path.join(tmp, "t.json")], "table, json"],
    ["advise", KW, "md, json"],
    ["transcripts", [tmp], "jsonl"],
    ["compare", ["a.json", "b.json"], "table, md, html, json"],
  ])("%s: an unknown format is a usage error listing the valid ones", async (command, args, names) => {
    const r = await run([command, ...args, "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown ${command} format: pdf`);
    expect(r.err).toContain(`hint: Use --format ${names.split(", ").join(" or ")}.`);
  });

  it.each([
    ["lint", [AGENTS]],
    ["route", [...KW, "prune the roses"]],
  ])("%s: the old --json is --format json", async (command, args) => {
    const json = await run([command, ...args, "--format", "JSON"]);
    const old = await run([command, ...args, "--json"]);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(old.out));
    const text = await run([command, ...args]);
    expect(text.out).not.toEqual(json.out);
  });

  it("tune --format json prints the tune report", async () => {
    const r = await run([
      "tune",
      ...KW,
      "--no-examples",
      "--folds",
      "2",
      "--dataset",
      DATASET,
      "--out",
      path.join(tmp, "t.json"),
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty("chosen");
  });
});
