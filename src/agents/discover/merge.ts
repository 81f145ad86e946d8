import { createHash } from "node:crypto";
import path from "node:path";
import { compareText, makeDiagnostic, sortDiagnostics } from "../diagnostic.js";
import { normalizeAgentName } from "../names.js";
import type { AgentScope, AgentSet, AgentSpec, Diagnostic, SetSource } from "../types.js";

/** One folder discovery loaded, in precedence order. */
export interface LoadedSource {
  scope: AgentScope;
  set: AgentSet;
  plugin?: string;
  /** Root that shown paths are relative to (default: the merge root). */
  displayRoot?: string;
}

/**
 * Merges loaded folders into one set, earlier sources winning a name clash (names compared
 * as Claude Code matches them; an agent and a skill share one namespace here, since a label
 * or a decision names either). The file that lost gets an `info` note naming the winner.
 * Files and diagnostics are shown relative to `root` when inside it, else absolute, so every
 * agent says where it came from; the hash covers every source.
 *
 * @example
 * mergeSources([{ scope: "project", set: project }, { scope: "user", set: user }], "/repo")
 * // project's reviewer wins; diagnostics hold "shadowed" on ~/.claude/agents/reviewer.md
 */
export function mergeSources(sources: readonly LoadedSource[], root: string): AgentSet {
  const winners = new Map<string, { agent: AgentSpec; source: LoadedSource }>();
  const kept: AgentSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  const hash = createHash("sha256");
  const listed: SetSource[] = [];
  for (const source of sources) {
    const shown = (file: string) => showPath(source.displayRoot ?? root, path.join(source.set.root, file));
    hash.update(`${source.scope}\n${source.set.root}\n${source.set.hash}\n`);
    diagnostics.push(...source.set.diagnostics.map((d) => ({ ...d, file: d.file === "." ? shown("") || "." : shown(d.file) })));
    for (const agent of source.set.agents) {
      agent.file = shown(agent.file);
      const key = normalizeAgentName(agent.name);
      const winner = winners.get(key);
      // Two files of one folder with one name stay for lint's duplicate-name error.
      if (winner === undefined || winner.source === source) {
        if (winner === undefined) winners.set(key, { agent, source });
        kept.push(agent);
      } else diagnostics.push(shadowed(agent, winner.agent));
    }
    listed.push(describeSource(source));
  }
  const agents = kept.sort((a, b) => compareText(a.name, b.name) || compareText(a.file, b.file));
  return { root, agents, diagnostics: sortDiagnostics(diagnostics), hash: hash.digest("hex"), sources: listed };
}

function shadowed(loser: AgentSpec, winner: AgentSpec): Diagnostic {
  const line = loser.nameLine ?? 1;
  return makeDiagnostic(loser.file, line, "info", "shadowed",
    `${kindOf(loser)} "${loser.name}" (${loser.scope}) is shadowed by ${winner.file} (${winner.scope}); Claude Code uses that one`,
    "Rename one of them if both should be available; otherwise delete the one not used.");
}

function describeSource(source: LoadedSource): SetSource {
  const out: SetSource = { scope: source.scope, path: source.set.root, agents: 0, skills: 0 };
  if (source.plugin !== undefined) out.plugin = source.plugin;
  for (const agent of source.set.agents) out[agent.kind === "skill" ? "skills" : "agents"] += 1;
  return out;
}

const kindOf = (a: AgentSpec) => (a.kind === "skill" ? "skill" : "agent");

/** Relative to `root` with `/` when inside it, else absolute. */
function showPath(root: string, full: string): string {
  const relative = path.relative(root, full);
  const inside = !relative.startsWith("..") && !path.isAbsolute(relative);
  return (inside ? relative : full).split(path.sep).join("/");
}
