import { readFile } from "node:fs/promises";
import type { AgentSet } from "../agents/types.js";
import { parseAgentFile } from "../agents/parse/parse.js";
import type { RouterConfig } from "../classify/config.js";
import { createRouter } from "../classify/router.js";
import { bootstrapDelta } from "../eval/bootstrap.js";
import type { CaseRecord } from "../eval/types.js";
import { buildIndex } from "../indexing/build.js";
import type { AgentIndex } from "../indexing/types.js";
import { assignFolds, primaryLabel } from "../tune/folds.js";
import { scoreCases } from "../tune/select.js";
import { roundTo } from "../util/numbers.js";
import { groupConfusions } from "./data.js";
import { applyEdit, proposeEdits, type AgentEdit } from "./edits.js";
import type { ProvenEdit } from "./types.js";

export interface ProveInput {
  agentSet: AgentSet;
  index: AgentIndex;
  config: RouterConfig;
  cacheDir: string | null;
  /** The eval's cases over the labeled prompts, in dataset order. */
  cases: readonly CaseRecord[];
  triggerWord: (group: ReturnType<typeof groupConfusions>[number]) => string | null;
  folds?: number;
  seed?: number;
}

/** Edits tried per fold (each costs an index build and routing the fold's prompts). */
const EDITS_PER_FOLD = 6;

/**
 * Tests edits before they are shown. For each fold, edits are proposed from the misroutes of
 * the other folds only, applied to an in-memory copy of the agents, and the fold's prompts are
 * re-routed: the fold is held out from the edit that is judged on it. Pooled over the folds,
 * an edit (by kind, agent and target) counts the held-out prompts it fixed and broke, and the
 * paired bootstrap interval of its macro-F1 change. Kept: at least one fixed, none broken, and
 * a positive change; the wording shown is the one proposed from all prompts.
 */
export async function proveEdits(input: ProveInput): Promise<ProvenEdit[]> {
  const { cases } = input;
  const k = Math.min(input.folds ?? 5, cases.length);
  if (k < 2) return [];
  const folds = assignFolds(
    cases.map((c) => primaryLabel(c.expected)),
    k,
    input.seed ?? 1,
  );
  const effects = new Map<string, { after: string[][]; fixed: string[]; broken: string[] }>();
  const texts = new Map<string, string>();
  for (const file of new Set(input.agentSet.agents.map((a) => a.path)))
    texts.set(file, await readFile(file, "utf8").catch(() => ""));
  for (let fold = 0; fold < k; fold++) {
    const train = cases.filter((_, i) => folds[i] !== fold);
    const test = cases.map((c, i) => ({ c, i })).filter(({ i }) => folds[i] === fold);
    const edits = proposeEdits(groupConfusions(train), input.triggerWord).slice(0, EDITS_PER_FOLD);
    for (const edit of edits) {
      const routed = await routeWithEdit(
        input,
        texts,
        edit,
        test.map(({ c }) => c.prompt),
      );
      if (routed === null) continue;
      const effect = effects.get(edit.key) ?? { after: cases.map((c) => c.predicted), fixed: [], broken: [] };
      test.forEach(({ c, i }, n) => {
        effect.after[i] = routed[n]!;
        const now = sameSet(c.expected, routed[n]!);
        if (now && !c.correct) effect.fixed.push(c.prompt);
        if (!now && c.correct) effect.broken.push(c.prompt);
      });
      effects.set(edit.key, effect);
    }
  }
  const final = new Map(proposeEdits(groupConfusions(cases), input.triggerWord).map((e) => [e.key, e]));
  const out: ProvenEdit[] = [];
  for (const [key, effect] of effects) {
    const edit = final.get(key);
    if (!edit || effect.fixed.length === 0 || effect.broken.length > 0) continue;
    const after = cases.map((c, i) => ({ expected: c.expected, predicted: effect.after[i]!, ranked: [] }));
    const delta = scoreCases(after).macroF1 - scoreCases(cases).macroF1;
    if (delta <= 0) continue;
    const interval = bootstrapDelta(cases, after).macroF1;
    out.push({
      ...edit,
      fixed: effect.fixed,
      broken: effect.broken,
      deltaMacroF1: roundTo(delta, 4),
      interval: { low: roundTo(interval.low, 4), high: roundTo(interval.high, 4) },
    });
  }
  return out.sort((a, b) => b.deltaMacroF1 - a.deltaMacroF1 || (a.key < b.key ? -1 : 1));
}

/** The test prompts' dispatch under the agents with one edit applied (in memory); null when it cannot be applied. */
async function routeWithEdit(
  input: ProveInput,
  texts: ReadonlyMap<string, string>,
  edit: AgentEdit,
  prompts: readonly string[],
): Promise<string[][] | null> {
  const set = editedSet(input.agentSet, texts, edit);
  if (set === null) return null;
  const index = await buildIndex(set, {
    embedder: input.index.embedder,
    cacheDir: input.cacheDir,
    examples: input.config.examples,
    warn: () => {},
  });
  const decisions = await createRouter(index, input.config).routeMany(prompts);
  return decisions.map((d) => d.dispatch);
}

/** The agent set with one file's text edited and re-parsed (its own hash); null when the edit does not apply. */
export function editedSet(set: AgentSet, texts: ReadonlyMap<string, string>, edit: AgentEdit): AgentSet | null {
  const at = set.agents.findIndex((a) => a.name === edit.agent);
  if (at < 0) return null;
  const agent = set.agents[at]!;
  const text = applyEdit(texts.get(agent.path) ?? "", edit);
  const parsed = text === null ? undefined : parseAgentFile(text, agent.file, { path: agent.path }).agent;
  if (!parsed) return null;
  const agents = set.agents.map((a, i) => (i === at ? parsed : a));
  return { ...set, agents, hash: `${set.hash}+${edit.key}+${edit.text}` };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
