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
import { applyEdit, proposeEdits } from "./edits.js";
import type { AgentEdit, ProvenEdit } from "./types.js";

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

/** Held-out effect of one edit (by key), pooled over the folds that proposed it. */
interface Effect {
  /** Every prompt's decision, with the edit's intended changes on the folds that tried it. */
  after: string[][];
  fixed: string[];
  broken: string[];
}

/** What proveEdits found: the edits tried (distinct keys) and those kept, best first. */
export interface Proof {
  folds: number;
  tried: number;
  kept: ProvenEdit[];
}

/**
 * Tests edits before they are shown. For each fold, edits are proposed from the misroutes of
 * the other folds only, applied to an in-memory copy of the agents, and the fold's prompts are
 * re-routed: the fold is held out from the edit that is judged on it. Pooled over the folds,
 * an edit (by kind, agent and target) counts the held-out prompts it fixed and broke (see
 * attributeChange), and the paired bootstrap interval of its macro-F1 change. Kept: at least
 * one fixed, none broken, a positive change, and its final wording (proposed from all
 * prompts, the text `--apply` writes) applies and breaks none of the labeled prompts.
 */
export async function proveEdits(input: ProveInput): Promise<Proof> {
  const { cases } = input;
  const k = Math.min(input.folds ?? 5, cases.length);
  if (k < 2) return { folds: 0, tried: 0, kept: [] };
  const folds = assignFolds(
    cases.map((c) => primaryLabel(c.expected)),
    k,
    input.seed ?? 1,
  );
  const texts = await readTexts(input.agentSet);
  const effects = new Map<string, Effect>();
  for (let fold = 0; fold < k; fold++) {
    const train = cases.filter((_, i) => folds[i] !== fold);
    const test = cases.map((c, i) => ({ c, i })).filter(({ i }) => folds[i] === fold);
    for (const edit of proposeEdits(groupConfusions(train), input.triggerWord).slice(0, EDITS_PER_FOLD)) {
      const routed = await routeWithEdit(
        input,
        texts,
        edit,
        test.map(({ c }) => c.prompt),
      );
      if (routed === null) continue;
      const effect = effects.get(edit.key) ?? { after: cases.map((c) => c.predicted), fixed: [], broken: [] };
      test.forEach(({ c, i }, n) => record(effect, c, i, routed[n]!, edit));
      effects.set(edit.key, effect);
    }
  }
  const final = new Map(proposeEdits(groupConfusions(cases), input.triggerWord).map((e) => [e.key, e]));
  const kept: ProvenEdit[] = [];
  for (const [key, effect] of effects) {
    const edit = final.get(key);
    if (!edit || effect.fixed.length === 0 || effect.broken.length > 0) continue;
    const proven = measure(input, edit, effect);
    if (proven && (await breaksNone(input, texts, edit))) kept.push(proven);
  }
  kept.sort((a, b) => b.deltaMacroF1 - a.deltaMacroF1 || (a.key < b.key ? -1 : 1));
  return { folds: k, tried: effects.size, kept };
}

function record(effect: Effect, c: CaseRecord, i: number, after: string[], edit: AgentEdit): void {
  const change = attributeChange(c, after, intentOf(edit));
  if (change === "fixed") effect.fixed.push(c.prompt);
  if (change === "broken") effect.broken.push(c.prompt);
  // A side effect that breaks nothing is not credited: the prompt keeps its old decision.
  if (change !== "side-effect") effect.after[i] = after;
}

/** The edit with its held-out figures, or null when macro-F1 did not rise. */
function measure(input: ProveInput, edit: AgentEdit, effect: Effect): ProvenEdit | null {
  const { cases } = input;
  const after = cases.map((c, i) => ({ expected: c.expected, predicted: effect.after[i]!, ranked: [] }));
  const delta = scoreCases(after).macroF1 - scoreCases(cases).macroF1;
  if (delta <= 0) return null;
  const interval = bootstrapDelta(cases, after).macroF1;
  return {
    ...edit,
    file: input.agentSet.agents.find((a) => a.name === edit.agent)?.file ?? "",
    fixed: effect.fixed,
    broken: effect.broken,
    deltaMacroF1: roundTo(delta, 4),
    interval: { low: roundTo(interval.low, 4), high: roundTo(interval.high, 4) },
  };
}

/** The exact wording shown applies, and with it no labeled prompt that was right goes wrong. */
async function breaksNone(input: ProveInput, texts: ReadonlyMap<string, string>, edit: AgentEdit): Promise<boolean> {
  const routed = await routeWithEdit(
    input,
    texts,
    edit,
    input.cases.map((c) => c.prompt),
  );
  return routed !== null && input.cases.every((c, i) => attributeChange(c, routed[i]!, intentOf(edit)) !== "broken");
}

/** Each agent file's text, read once (the edits are made on copies of it). */
export async function readTexts(set: AgentSet): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of new Set(set.agents.map((a) => a.path))) texts.set(file, await readFile(file, "utf8"));
  return texts;
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

/** What an edit of `agent` did to one held-out prompt (see attributeChange). */
export type ChangeKind = "same" | "fixed" | "broken" | "moved" | "side-effect";

/** The decisions an edit is meant to change: agents it should bring into a dispatch, and agents it should take out. */
export interface EditIntent {
  enters: readonly string[];
  leaves: readonly string[];
}

/** A sentence or trigger brings its agent in; a When NOT to Engage bullet takes its agent out and may bring its redirect in. */
export function intentOf(edit: Pick<AgentEdit, "kind" | "agent" | "redirect">): EditIntent {
  if (edit.kind !== "add-not-engage") return { enters: [edit.agent], leaves: [] };
  return { enters: edit.redirect ? [edit.redirect] : [], leaves: [edit.agent] };
}

/**
 * What one edit did to one held-out prompt. An edit changes one agent's text, but the whole
 * set's word statistics move with it, so a prompt may flip for no reason the edit states (a
 * bullet on debugger sending a prompt *to* debugger, a sentence for devops fixing a prompt for
 * performance-tuner). Such a flip is a "side-effect": not credited as fixed, but charged as
 * "broken" when it turns a right decision wrong, so an edit is shown only when it breaks
 * nothing at all. "moved" is an intended change that did not make the prompt right.
 *
 * @example
 * attributeChange({ expected: ["perf"], predicted: [], correct: false }, ["perf"], { enters: ["devops"], leaves: [] }) // "side-effect"
 * attributeChange({ expected: ["perf"], predicted: [], correct: false }, ["perf"], { enters: ["perf"], leaves: [] })   // "fixed"
 */
export function attributeChange(
  before: Pick<CaseRecord, "expected" | "predicted" | "correct">,
  after: readonly string[],
  intent: EditIntent,
): ChangeKind {
  if (sameSet(before.predicted, after)) return "same";
  const now = sameSet(before.expected, after);
  if (before.correct && !now) return "broken";
  const intended =
    intent.enters.some((a) => !before.predicted.includes(a) && after.includes(a)) ||
    intent.leaves.some((a) => before.predicted.includes(a) && !after.includes(a));
  if (!intended) return "side-effect";
  return now && !before.correct ? "fixed" : "moved";
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
