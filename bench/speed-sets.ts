/**
 * Agent sets of a given size for the speed bench, made from the real sets in ../shared.
 * 10 = claude-config-12's first 10; 100 = voltagent-subagents' first 100; larger counts take
 * every real agent of every set (names made unique), then, when that is not enough, renamed
 * copies ("<name>-copy2", …) built in memory: no file is copied anywhere.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { loadAgents } from "../src/agents/load.js";
import type { AgentSet, AgentSpec } from "../src/agents/types.js";
import type { Embedder } from "../src/embed/types.js";
import { SHARED } from "./sets.js";

const SETS_DIR = path.join(SHARED, "agent-sets");
/** Every real set, in a fixed order (the order decides which agents the cut keeps). */
const ALL_SETS = ["claude-config-12", "claude-config-28", "wshobson-agents", "voltagent-subagents", "vijaythecoder-agents", "banking77-k10"];

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
  if (count <= 10) return cut(await loadAgents(path.join(SETS_DIR, "claude-config-12")), count, "claude-config-12");
  if (count <= 100) return cut(await loadAgents(path.join(SETS_DIR, "voltagent-subagents")), count, "voltagent-subagents");
  const real = await loadEveryRealAgent();
  const agents = real.slice(0, count);
  for (let copy = 2; agents.length < count; copy++) {
    for (const a of real) {
      if (agents.length === count) break;
      agents.push({ ...a, name: `${a.name}-copy${copy}` });
    }
  }
  const copies = Math.max(0, count - real.length);
  return { set: makeSet(agents, "bench:all"), source: `all ${real.length} real agents of ${ALL_SETS.length} sets${copies ? ` + ${copies} renamed copies` : ""}`, copies };
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

function cut(set: AgentSet, count: number, name: string): SizedSet {
  return { set: makeSet(set.agents.slice(0, count), set.root), source: `${name} first ${Math.min(count, set.agents.length)}`, copies: 0 };
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
