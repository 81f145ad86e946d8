import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

/**
 * Integrity checks for the project's example agents (`agents/`) and their labeled
 * datasets (`datasets/example*.csv`). They guard the data, not the router: a label
 * naming a missing agent, a duplicated prompt or a kind mix that drifts would skew
 * every figure the eval reports. Plain regex and csv-parse on purpose, so these
 * checks do not depend on the project's own agent parser.
 */

type Row = { prompt: string; expected: string; kind: string };
type Kind = "plain" | "paraphrase" | "misleading-trigger" | "not-engage" | "multi" | "technology" | "none";

const AGENTS_DIR = path.join(REPO_ROOT, "agents");
const DATASETS_DIR = path.join(REPO_ROOT, "datasets");
const KINDS: Kind[] = ["plain", "paraphrase", "misleading-trigger", "not-engage", "multi", "technology", "none"];

/** Least rows per kind: the main set carries the agreed mix, the holdout the same mix at a third of the size. */
const MIN_KINDS: Record<string, Record<Kind, number>> = {
  "example.csv": { plain: 45, paraphrase: 35, "misleading-trigger": 20, "not-engage": 20, multi: 15, technology: 20, none: 30 },
  "example-holdout.csv": { plain: 12, paraphrase: 10, "misleading-trigger": 6, "not-engage": 6, multi: 5, technology: 6, none: 9 },
};
const MIN_ROWS: Record<string, number> = { "example.csv": 180, "example-holdout.csv": 60 };

interface AgentFile {
  file: string;
  name: string | undefined;
  description: string;
  triggers: string[];
  examples: number;
}

/** Read the bits of an agent file these checks need: `name:`, the description block, triggers, examples. */
function readAgentFile(file: string): AgentFile {
  const text = readFileSync(path.join(AGENTS_DIR, file), "utf8");
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "";
  const name = /^name:\s*(\S+)\s*$/m.exec(frontmatter)?.[1];
  const description = /^description:([\s\S]*?)(?=^\w[\w-]*:)/m.exec(frontmatter + "\nend:")?.[1]?.trim() ?? "";
  const triggerList = /Triggers on ([^\n]*)/.exec(description)?.[1] ?? "";
  const triggers = [...triggerList.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
  const examples = (description.match(/<example>/g) ?? []).length;
  return { file, name, description, triggers, examples };
}

function readDataset(file: string): { header: string; rows: Row[] } {
  const text = readFileSync(path.join(DATASETS_DIR, file), "utf8");
  const rows = parse(text, { columns: true, skip_empty_lines: false }) as Row[];
  return { header: text.slice(0, text.indexOf("\n")), rows };
}

/** Whole-word, case-insensitive phrase match ("test" matches "tests", not "latest"). */
function containsPhrase(prompt: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9])${escaped}`, "i").test(prompt);
}

const agentFiles = readdirSync(AGENTS_DIR).filter((f) => f.endsWith(".md")).sort();
const agents = agentFiles.map(readAgentFile);
const agentNames = new Set(agents.map((a) => a.name));
const triggersByName = new Map(agents.map((a) => [a.name, a.triggers]));
const datasetFiles = readdirSync(DATASETS_DIR).filter((f) => /^example.*\.csv$/.test(f)).sort();

describe("example agents", () => {
  it("has a team of 10 to 14 agents", () => {
    expect(agents.length).toBeGreaterThanOrEqual(10);
    expect(agents.length).toBeLessThanOrEqual(14);
  });

  it.each(agents)("$file: name matches the file, has a description and a routing cue", (agent) => {
    expect(agent.name).toBe(agent.file.replace(/\.md$/, ""));
    expect(agent.description.length).toBeGreaterThan(40);
    expect(agent.triggers.length + agent.examples).toBeGreaterThan(0);
  });

  it("keeps descriptions short enough not to be truncated", () => {
    const tooLong = agents.filter((a) => a.description.length > (a.examples > 0 ? 1800 : 900)).map((a) => a.file);
    expect(tooLong).toEqual([]);
  });

  it("has exactly one redirect to an agent outside the set, for lint to find", () => {
    const stale = agentFiles.flatMap((file) => {
      const body = readFileSync(path.join(AGENTS_DIR, file), "utf8");
      return [...body.matchAll(/\(use ([a-z0-9-]+)\)/g)].map((m) => m[1]).filter((n) => !agentNames.has(n));
    });
    expect(stale).toEqual(["release-manager"]);
  });

  it("shares exactly one trigger phrase between two agents", () => {
    const owners = new Map<string, string[]>();
    for (const a of agents) for (const t of a.triggers) owners.set(t, [...(owners.get(t) ?? []), a.name ?? a.file]);
    const shared = [...owners].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([["pipeline", ["data-pipeline-engineer", "devops-engineer"]]]);
  });
});

describe.each(datasetFiles)("dataset %s", (file) => {
  const { header, rows } = readDataset(file);

  it("has the header prompt,expected,kind and enough rows", () => {
    expect(header).toBe("prompt,expected,kind");
    expect(rows.length).toBeGreaterThanOrEqual(MIN_ROWS[file] ?? 60);
  });

  it("has no empty and no duplicate prompts (case-insensitive, trimmed)", () => {
    expect(rows.filter((r) => r.prompt.trim() === "")).toEqual([]);
    const seen = new Set<string>();
    const duplicates = rows.map((r) => r.prompt.trim().toLowerCase()).filter((p) => seen.has(p) || !seen.add(p));
    expect(duplicates).toEqual([]);
  });

  it("labels only agents that exist in agents/, without repeats", () => {
    const unknown = rows.flatMap((r) => (r.expected === "" ? [] : r.expected.split("|")).filter((n) => !agentNames.has(n)));
    expect(unknown).toEqual([]);
    const repeated = rows.filter((r) => new Set(r.expected.split("|")).size !== r.expected.split("|").length);
    expect(repeated).toEqual([]);
  });

  it("has every kind at its agreed minimum and no unknown kind", () => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, rows.filter((r) => r.kind === k).length]));
    expect(rows.filter((r) => !KINDS.includes(r.kind as Kind))).toEqual([]);
    for (const kind of KINDS) expect(counts[kind], kind).toBeGreaterThanOrEqual(MIN_KINDS[file]?.[kind] ?? 1);
  });

  it("labels none rows empty, multi rows with two or more agents, the rest with one", () => {
    const wrong = rows.filter((r) => {
      const n = r.expected === "" ? 0 : r.expected.split("|").length;
      return r.kind === "none" ? n !== 0 : r.kind === "multi" ? n < 2 : n !== 1;
    });
    expect(wrong).toEqual([]);
  });

  it("keeps paraphrases free of their expected agent's trigger phrases", () => {
    const leaks = rows
      .filter((r) => r.kind === "paraphrase")
      .flatMap((r) => r.expected.split("|").flatMap((n) => (triggersByName.get(n) ?? []).filter((t) => containsPhrase(r.prompt, t)).map((t) => `${t}: ${r.prompt}`)));
    expect(leaks).toEqual([]);
  });

  it("gives every agent at least three rows where it is the first label", () => {
    const primary = new Map<string, number>();
    for (const r of rows) {
      const first = r.expected.split("|")[0] ?? "";
      if (first) primary.set(first, (primary.get(first) ?? 0) + 1);
    }
    const thin = [...agentNames].filter((n) => (primary.get(n ?? "") ?? 0) < 3);
    expect(thin).toEqual([]);
  });
});

it("finds the example datasets (a rename would otherwise skip every check)", () => {
  expect(datasetFiles).toEqual(expect.arrayContaining(["example.csv", "example-holdout.csv"]));
});

it("keeps the holdout disjoint from the tuning set, so it can reveal overfitting", () => {
  const key = (r: Row) => r.prompt.trim().toLowerCase();
  const tuning = new Set(readDataset("example.csv").rows.map(key));
  expect(readDataset("example-holdout.csv").rows.filter((r) => tuning.has(key(r)))).toEqual([]);
});
