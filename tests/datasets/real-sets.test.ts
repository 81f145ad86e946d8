import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { describeShared, REPO_ROOT, sharedPath } from "../helpers/shared.js";

/**
 * Integrity checks for the labeled datasets written for the real agent sets in
 * ../shared/agent-sets. These guard the data, not the router: a label that names
 * an agent missing from its set, or a kind count that drifts below the agreed
 * mix, would silently skew every figure computed from these files.
 */

type Row = { prompt: string; expected: string; kind: string };

type DatasetSpec = {
  file: string;
  set: string;
  minRows: number;
  /** Least rows per kind; a kind missing here may still appear. */
  minKinds: Partial<Record<Kind, number>>;
  /** Least number of agents that are the primary (first) label of at least `minPrimaryPerAgent` rows. */
  minAgents: number;
  minPrimaryPerAgent: number;
};

const KINDS = ["plain", "paraphrase", "misleading-trigger", "not-engage", "multi", "none", "technology"] as const;
type Kind = (typeof KINDS)[number];

const SPECS: DatasetSpec[] = [
  {
    file: "claude-config-12.csv",
    set: "claude-config-12",
    minRows: 180,
    minKinds: { plain: 40, paraphrase: 30, "misleading-trigger": 18, "not-engage": 18, multi: 13, technology: 18, none: 25 },
    minAgents: 12,
    minPrimaryPerAgent: 8,
  },
  { file: "claude-config-28.csv", set: "claude-config-28", minRows: 100, minKinds: { none: 12 }, minAgents: 20, minPrimaryPerAgent: 3 },
  { file: "wshobson-sample.csv", set: "wshobson-agents", minRows: 115, minKinds: { none: 12 }, minAgents: 25, minPrimaryPerAgent: 4 },
  { file: "voltagent-sample.csv", set: "voltagent-subagents", minRows: 115, minKinds: { none: 12 }, minAgents: 25, minPrimaryPerAgent: 4 },
  { file: "vijaythecoder.csv", set: "vijaythecoder-agents", minRows: 88, minKinds: { none: 8 }, minAgents: 24, minPrimaryPerAgent: 3 },
];

/** The 8 voltagent files whose YAML fails to parse; their `name:` line is still readable. */
const BROKEN_VOLTAGENT = [
  "ab-test-analysis", "assumption-mapping", "backlog-grooming", "cohort-analysis",
  "first-principles-thinking", "gdpr-ccpa-compliance", "growth-loops", "hipaa-compliance",
];

/** Read each agent's `name:` line with a regex, so files with broken YAML still count. */
function readAgentNames(setDir: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(setDir).filter((f) => f.endsWith(".md"))) {
    const match = /^name:\s*["']?([^"'\s]+)["']?\s*$/m.exec(readFileSync(path.join(setDir, file), "utf8"));
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

function splitLabels(expected: string): string[] {
  return expected.split("|").map((s) => s.trim()).filter((s) => s.length > 0);
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describeShared.each(SPECS)("datasets/$file", (spec) => {
  let text = "";
  let rows: Row[] = [];
  let names = new Set<string>();

  beforeAll(() => {
    text = readFileSync(path.join(REPO_ROOT, "datasets", spec.file), "utf8");
    rows = parse(text, { columns: true, skip_empty_lines: false }) as Row[];
    names = readAgentNames(sharedPath("agent-sets", spec.set));
  });

  it("is UTF-8 with LF line endings, no BOM, and the header prompt,expected,kind", () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain("\r");
    expect(text.split("\n", 1)[0]).toBe("prompt,expected,kind");
  });

  it("has enough rows and no empty or duplicate prompt (case-insensitive)", () => {
    expect(rows.length).toBeGreaterThanOrEqual(spec.minRows);
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      expect(row.prompt.trim(), `row ${i + 2} has an empty prompt`).not.toBe("");
      const key = row.prompt.trim().toLowerCase();
      expect(seen.get(key), `row ${i + 2} repeats row ${seen.get(key)}`).toBeUndefined();
      seen.set(key, i + 2);
    });
  });

  it("labels only agents whose name: line exists in the set, each at most once per row", () => {
    const unknown = rows.flatMap((row, i) =>
      splitLabels(row.expected).filter((n) => !names.has(n)).map((n) => `row ${i + 2}: ${n}`));
    expect(unknown).toEqual([]);
    for (const row of rows) {
      const labels = splitLabels(row.expected);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it("uses only known kinds, with none rows unlabeled and multi rows naming two or more agents", () => {
    for (const row of rows) {
      expect(KINDS).toContain(row.kind);
      if (row.kind === "none") expect(row.expected).toBe("");
      if (row.kind === "multi") expect(splitLabels(row.expected).length).toBeGreaterThanOrEqual(2);
      if (!["none", "not-engage"].includes(row.kind)) expect(row.expected, row.prompt).not.toBe("");
    }
  });

  it("meets the agreed mix of kinds", () => {
    const kinds = countBy(rows, (row) => row.kind);
    for (const [kind, least] of Object.entries(spec.minKinds)) {
      expect(kinds.get(kind) ?? 0, `kind ${kind}`).toBeGreaterThanOrEqual(least);
    }
  });

  it(`covers enough agents as primary label, each with enough rows`, () => {
    const primary = countBy(rows.filter((row) => row.expected !== ""), (row) => splitLabels(row.expected)[0] ?? "");
    const covered = [...primary].filter(([, n]) => n >= spec.minPrimaryPerAgent);
    expect(covered.length).toBeGreaterThanOrEqual(spec.minAgents);
  });
});

describeShared("datasets/voltagent-sample.csv and the broken-YAML files", () => {
  it("labels at least 3 of the 8 agents whose frontmatter fails to parse", () => {
    const text = readFileSync(path.join(REPO_ROOT, "datasets", "voltagent-sample.csv"), "utf8");
    const rows = parse(text, { columns: true }) as Row[];
    const labeled = new Set(rows.flatMap((row) => splitLabels(row.expected)));
    expect(BROKEN_VOLTAGENT.filter((n) => labeled.has(n)).length).toBeGreaterThanOrEqual(3);
  });
});

describe("datasets/assistant-intents (ours: 40 intents × 10 examples, test and out-of-scope prompts)", () => {
  const dir = path.join(REPO_ROOT, "datasets", "assistant-intents");
  const read = (file: string) => parse(readFileSync(path.join(dir, file), "utf8"), { columns: true }) as { prompt: string; expected: string }[];

  it("has 40 agents of 10 examples each, 8 test prompts per intent and 160 out-of-scope prompts, all distinct", () => {
    const names = readAgentNames(path.join(dir, "agents"));
    expect(names.size).toBe(40);
    for (const file of readdirSync(path.join(dir, "agents"))) {
      expect(readFileSync(path.join(dir, "agents", file), "utf8").match(/<example>/g), file).toHaveLength(10);
    }
    const test = read("test.csv");
    const oos = read("oos.csv");
    expect([...countBy(test, (r) => r.expected)].every(([name, n]) => names.has(name) && n === 8)).toBe(true);
    expect(test).toHaveLength(320);
    expect(oos).toHaveLength(160);
    expect(oos.every((r) => r.expected === "")).toBe(true);
    const prompts = [...test, ...oos].map((r) => r.prompt.trim().toLowerCase());
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});

describeShared("datasets/banking77-oos.csv (ours: out-of-scope prompts for the BANKING77 intents)", () => {
  it("is all none, distinct, and shares no prompt with the test set", () => {
    const rows = parse(readFileSync(path.join(REPO_ROOT, "datasets", "banking77-oos.csv"), "utf8"), { columns: true }) as Row[];
    expect(rows.length).toBeGreaterThanOrEqual(250);
    expect(rows.every((r) => r.expected === "" && r.kind === "none")).toBe(true);
    const prompts = rows.map((r) => r.prompt.trim().toLowerCase());
    expect(new Set(prompts).size).toBe(prompts.length);
    const test = new Set((parse(readFileSync(sharedPath("datasets", "banking77-test.csv"), "utf8"), { columns: true }) as Row[]).map((r) => r.prompt.trim().toLowerCase()));
    expect(prompts.filter((p) => test.has(p))).toEqual([]);
  });
});
