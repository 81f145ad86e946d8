import path from "node:path";
import type { AgentSet } from "../agents/types.js";
import { openRouter, type OpenRouterOptions } from "../pipeline/open.js";
import { readDataset } from "../inputs/dataset.js";
import { displayPath } from "../eval/evaluate.js";
import { runEval } from "../eval/run.js";
import type { CaseRecord } from "../eval/types.js";
import { describeConfusions, groupConfusions, triggerWordFor } from "./data.js";
import { proveEdits } from "./prove.js";
import { defaultCacheDir } from "../embed/cache.js";
import {
  findConfusablePairs,
  findDistinctiveTerms,
  findSharedTerms,
  findSharedTriggers,
  findStaleRedirects,
} from "./static.js";
import { collectAgentTerms } from "./terms.js";
import type { Advice, SharedTrigger, StaleRedirect, Suggestion } from "./types.js";

export interface AdviseOptions extends Omit<OpenRouterOptions, "agentsDir" | "agentSet"> {
  agentsDir?: string;
  /** Labeled dataset: adds the eval's confusions and the suggestions drawn from them. */
  dataset?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Advice on an agent set's descriptions: confusable pairs, shared triggers and headline
 * words, stale redirects, agents with nothing distinctive, and with a dataset the most
 * confused pairs of an eval with what pulled each prompt, and the edits that proved to help
 * on held-out prompts (proveEdits), each with its measured effect.
 *
 * @example
 * const advice = await adviseAgents({ agentsDir: "agents", dataset: "datasets/example.csv" });
 * advice.proven[0].summary // 'add trigger "kafka" to data-pipeline-engineer\'s description'
 */
export async function adviseAgents(options: AdviseOptions): Promise<Advice> {
  return (await runAdvice(options)).advice;
}

/** adviseAgents, with the agent set it read (what `--apply` edits). */
export async function runAdvice(options: AdviseOptions): Promise<{ advice: Advice; agentSet: AgentSet }> {
  const cwd = options.cwd ?? process.cwd();
  const { dataset: datasetPath, onProgress, ...routerOptions } = options;
  const opened = await openRouter({
    ...routerOptions,
    cwd,
    agentsDir: options.agentsDir === undefined ? undefined : path.resolve(cwd, options.agentsDir),
  });
  try {
    const { index, router } = opened;
    const terms = collectAgentTerms(index);
    const sharedTriggers = findSharedTriggers(index);
    const staleRedirects = findStaleRedirects(index);
    const distinctive = findDistinctiveTerms(index, terms);
    let evalSummary: Advice["eval"] = null;
    let cases: CaseRecord[] = [];
    if (datasetPath !== undefined) {
      const file = path.resolve(cwd, datasetPath);
      const dataset = await readDataset(file, { agentNames: router.agentNames, label: displayPath(cwd, file) });
      const report = await runEval(router, dataset, {
        agents: { path: opened.agentsLabel, count: index.agents.length, hash: index.agentsHash },
        config: { ...opened.config },
        onProgress,
      });
      cases = report.cases;
      evalSummary = {
        dataset: dataset.path,
        rows: dataset.rows.length,
        accuracy: report.summary.accuracy,
        macroF1: report.summary.macro.f1,
      };
    }
    const groups = groupConfusions(cases);
    const confusions = describeConfusions(groups, index, terms);
    const cacheDir =
      options.cacheDir === undefined ? defaultCacheDir(cwd, options.env ?? process.env) : options.cacheDir;
    const proof = cases.length
      ? await proveEdits({
          agentSet: opened.agentSet,
          index,
          config: opened.config,
          cacheDir,
          cases,
          triggerWord: (g) => triggerWordFor(g, terms, index),
        })
      : null;
    const advice: Advice = {
      schemaVersion: 1,
      agents: { path: opened.agentsLabel, count: index.agents.length, hash: index.agentsHash },
      mode: router.mode,
      model: router.model,
      config: opened.configNote.header,
      confusablePairs: findConfusablePairs(index, terms),
      sharedTriggers,
      sharedTerms: findSharedTerms(index, terms),
      staleRedirects,
      indistinct: distinctive.filter((d) => d.terms.length === 0).map((d) => d.agent),
      distinctive,
      eval: evalSummary,
      confusions,
      suggestions: mergeSuggestions(suggestStatic(sharedTriggers, staleRedirects, cases.length > 0)),
      proof: proof && { folds: proof.folds, tried: proof.tried },
      proven: proof?.kept ?? [],
    };
    return { advice, agentSet: opened.agentSet };
  } finally {
    await opened.close();
  }
}

/** Edits that need no data: one per shared trigger (unless the data already named it) and per stale redirect. */
function suggestStatic(
  shared: readonly SharedTrigger[],
  stale: readonly StaleRedirect[],
  withData: boolean,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const t of shared) {
    out.push({
      kind: "drop-shared-trigger",
      agent: t.agents[0]!,
      text: `drop shared trigger "${t.phrase}" from one of ${t.agents.join(" / ")}`,
      because: `${t.agents.length} agents claim "${t.phrase}", so it cannot tell them apart${withData ? "" : " (run with --dataset to see which prompts it pulls)"}`,
      prompts: [],
    });
  }
  for (const r of stale) {
    out.push({
      kind: "add-redirect-target",
      agent: r.agent,
      text: `${r.agent} (${r.file}:${r.line}): point "${r.bullet}" at an agent of the set instead of ${r.target}`,
      because: `${r.target} is not in this set, so that work has nowhere to go`,
      prompts: [],
    });
  }
  return out;
}

/** One suggestion per edit: the same edit drawn from several confusions keeps the first reason and every prompt. */
function mergeSuggestions(list: readonly Suggestion[]): Suggestion[] {
  const byText = new Map<string, Suggestion>();
  for (const s of list) {
    const seen = byText.get(s.text);
    if (seen) seen.prompts = [...new Set([...seen.prompts, ...s.prompts])];
    else byText.set(s.text, { ...s, prompts: [...s.prompts] });
  }
  return [...byText.values()];
}
