/**
 * Agent sets of a given size for the speed bench, made from the real sets in ../shared: the
 * first `count` agents of every real set in a fixed order (names made unique across sets),
 * so 10 = claude-config-12's first 10 and 100 = claude-config-12 + claude-config-28 + 60 of
 * wshobson-agents. Past the real agents (about 385), renamed copies ("<name>-copy2", …) are
 * built in memory: no file is copied anywhere. (voltagent-subagents alone would be a light
 * 100: its files hold about 3 pieces an agent against about 15 elsewhere.)
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { loadAgents } from "../src/agents/load/load.js";
import type { AgentSet, AgentSpec } from "../src/agents/types.js";
import type { Embedder } from "../src/embed/types.js";
import { SHARED } from "./sets.js";

const SETS_DIR = path.join(SHARED, "agent-sets");
/** Every real set, in a fixed order (the order decides which agents the cut keeps). */
const ALL_SETS = [
  "claude-config-12",
  "claude-config-28",
  "wshobson-agents",
  "voltagent-subagents",
  "vijaythecoder-agents",
  "banking77-k10",
];

export interface SizedSet {
  set: AgentSet;
  /** How the set was made, for the report. */
  source: string;
  /** Agents that are renamed copies (0 when every agent is a distinct real one). */
  copies: number;
}

/**
 * An in-memory agent set of exactly `count` agents (see the file comment for which).
 *
 * @example
 * (await buildSizedSet(100)).set.agents.length // 100
 */
export async function buildSizedSet(count: number): Promise<SizedSet> {
  const real = await loadEveryRealAgent();
  const agents = real.slice(0, count);
  for (let copy = 2; agents.length < count; copy++) {
    for (const a of real) {
      if (agents.length === count) break;
      agents.push({ ...a, name: `${a.name}-copy${copy}` });
    }
  }
  const copies = Math.max(0, count - real.length);
  const source = copies
    ? `all ${real.length} real agents of ${ALL_SETS.length} sets + ${copies} renamed copies`
    : `first ${count} real agents (${describeCut(real.slice(0, count))})`;
  return { set: makeSet(agents, SETS_DIR), source, copies };
}

/** Every agent of every real set, names made unique across sets ("<name>-2" for a clash). */
export async function loadEveryRealAgent(): Promise<AgentSpec[]> {
  const seen = new Set<string>();
  const out: AgentSpec[] = [];
  for (const name of ALL_SETS) {
    for (const agent of (await loadAgents(path.join(SETS_DIR, name))).agents) {
      let unique = agent.name;
      for (let n = 2; seen.has(unique); n++) unique = `${agent.name}-${n}`;
      seen.add(unique);
      out.push(unique === agent.name ? agent : { ...agent, name: unique });
    }
  }
  return out;
}

/** "claude-config-12 12, wshobson-agents 60": how many agents each set gave. */
function describeCut(agents: readonly AgentSpec[]): string {
  const counts = new Map<string, number>();
  for (const a of agents) {
    const set = path.relative(SETS_DIR, a.path).split(path.sep)[0]!;
    counts.set(set, (counts.get(set) ?? 0) + 1);
  }
  return [...counts].map(([set, n]) => `${set} ${n}`).join(", ");
}

function makeSet(agents: AgentSpec[], root: string): AgentSet {
  const hash = createHash("sha256");
  for (const a of agents) hash.update(`${a.name}\n${a.description}\n${a.body}\n`);
  return { root, agents, diagnostics: [], hash: hash.digest("hex") };
}

/**
 * The embedder under the vector cache (what `route` calls for a one-off prompt), or itself.
 *
 * @example
 * await innerEmbedder(index.embedder)?.embed([prompt]); // never served from the cache
 */
export function innerEmbedder(embedder: Embedder | null): Embedder | null {
  return embedder && "inner" in embedder ? (embedder as { inner: Embedder }).inner : embedder;
}
