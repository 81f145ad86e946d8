import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleFolds } from "../../bench/example-folds.js";
import { loadAgents } from "../../src/agents/load/load.js";
import { SHARED } from "../../bench/sets.js";

const BANKING = path.join(SHARED, "agent-sets/banking77-k10");

describe.skipIf(!existsSync(BANKING))("example folds (fit rows from the agents' own examples)", () => {
  it("split every agent's one-line examples in two, each held out of its own fold's copy", async () => {
    const original = await loadAgents(BANKING);
    const total = original.agents.reduce((n, a) => n + a.examples.length, 0);
    const folds = await exampleFolds(BANKING);
    expect(folds.map((f) => f.rows.length)).toEqual([total / 2, total / 2]);
    for (const fold of folds) {
      expect(readdirSync(fold.dir).length).toBe(original.agents.length);
      const copy = await loadAgents(fold.dir);
      const held = new Set(fold.rows.map((r) => `${r.expected[0]}\t${r.prompt}`));
      for (const agent of copy.agents) {
        // The copy keeps the other half of this agent's examples and none of the held ones.
        expect(agent.examples.length).toBe(original.agents.find((a) => a.name === agent.name)!.examples.length / 2);
        for (const e of agent.examples) expect(held.has(`${agent.name}\t${e.user}`)).toBe(false);
      }
    }
    // The two folds together give back every example exactly once.
    const all = folds.flatMap((f) => f.rows.map((r) => r.prompt)).sort();
    expect(all).toEqual(original.agents.flatMap((a) => a.examples.map((e) => e.user)).sort());
    expect(readFileSync(path.join(folds[0]!.dir, "card-arrival.md"), "utf8")).toMatch(/^---\nname: card-arrival/);
  });
});
