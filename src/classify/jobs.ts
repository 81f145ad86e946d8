import type { DecisionReasons, RouteDecision } from "./types.js";

/**
 * Splitting a prompt that asks for two jobs ("fix the crash in the importer and add tests so
 * it does not come back") into one clause per job. The router routes each clause on its own
 * and dispatches one agent per job: scored whole, such a prompt gives the second job's agent
 * a low score, because the fused score of every agent competes for the same prompt.
 *
 * A split needs a connector (", then", "and also", "; ", "and", a new sentence, …) followed
 * by an imperative verb that opens a new job, and at least three words on each side. The
 * verbs are ordinary English verbs of software work, not tied to any agent set.
 */

/** Verbs that open a job when they follow a connector. */
const JOB_VERBS = new Set(
  (
    "add analyse analyze audit automate benchmark build bump check clean compare configure connect containerise " +
    "containerize convert create debug define deploy design diagnose document draft estimate evaluate explain " +
    "find fix generate harden implement improve instrument integrate investigate lint load-test localize " +
    "measure migrate monitor optimise optimize outline package patch plan port prepare profile propose " +
    "prototype publish refactor release remove rename research review rewrite rotate run scan schedule " +
    "secure set ship sketch speed split summarise summarize test trace translate triage tune update upgrade " +
    "validate verify wire write"
  ).split(" "),
);

/** Words that may stand between the connector and the verb ("and please add …", "then also run …"). */
const FILLERS = new Set(
  "please pls also then finally afterwards next to can could would you we i let's lets us need want just first".split(
    " ",
  ),
);

/** "have it checked", "get them reviewed": a job handed on, the verb as a participle. */
const HANDOFF = /^(?:have|get)\s+(?:it|them|this|that|someone|somebody)\s+(\w+ed)\b/i;

/** Where a new job may start: the connector's text (the clause after it follows). */
const CONNECTOR =
  /(?:[.!?]\s+|;\s*|\s+[-–—]\s+|,?\s+and\s+then\s+|,\s*then\s+|\s+then\s+|,?\s+and\s+also\s+|,?\s+and\s+|\s+&\s+|,?\s+plus\s+|,?\s+after\s+that,?\s+|,\s+)/gi;

const MIN_WORDS = 3;
const MAX_JOBS = 3;

const words = (text: string): string[] => text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];

/** True when `clause` opens with a job: an imperative verb, after optional fillers. */
export function opensJob(clause: string): boolean {
  if (HANDOFF.test(clause.trim())) return true;
  for (const word of words(clause).slice(0, 4)) {
    if (JOB_VERBS.has(word)) return true;
    if (!FILLERS.has(word)) return false;
  }
  return false;
}

/**
 * The prompt's jobs, in order: one clause per job, or `[prompt]` when it holds one job.
 *
 * @example
 * splitJobs("Fix the crash in the CSV importer and add tests so it doesn't come back.")
 * // ["Fix the crash in the CSV importer", "add tests so it doesn't come back."]
 * splitJobs("Fix the login bug on Safari and Chrome") // one job: "Chrome" opens none
 */
export function splitJobs(prompt: string): string[] {
  const text = prompt.replace(/\s+/g, " ").trim();
  const cuts: { at: number; next: number }[] = [];
  for (const m of text.matchAll(CONNECTOR)) {
    const next = m.index + m[0].length;
    if (opensJob(text.slice(next))) cuts.push({ at: m.index, next });
  }
  if (cuts.length === 0) return [prompt];
  const clauses: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    const clause = text.slice(start, cut.at).trim();
    // A clause too short to be a job stays with the next one ("Then, add …" at the start).
    if (words(clause).length < MIN_WORDS) continue;
    clauses.push(clause);
    start = cut.next;
  }
  const last = text.slice(start).trim();
  if (words(last).length >= MIN_WORDS) clauses.push(last);
  else if (clauses.length > 0) clauses[clauses.length - 1] += ` ${last}`;
  const jobs = attachContext(clauses);
  return jobs.length >= 2 && jobs.length <= MAX_JOBS ? jobs : [prompt];
}

/**
 * A clause that opens no job ("Our dashboard takes 6 s to load", "The contract is approved.")
 * is context for the job after it (or, at the end, the job before it), not a job of its own.
 */
function attachContext(clauses: readonly string[]): string[] {
  const jobs: string[] = [];
  let context = "";
  for (const clause of clauses) {
    if (!opensJob(clause)) context += `${clause} `;
    else {
      jobs.push(context + clause);
      context = "";
    }
  }
  if (context && jobs.length > 0) jobs[jobs.length - 1] += ` ${context.trim()}`;
  return jobs;
}

/** The multi-dispatch settings job splitting reads (RouterConfig["multi"]). */
export interface JobRule {
  max: number;
  jobMin: number;
  jobMargin: number;
}

/**
 * One agent per job: when every job of a prompt finds its own agent (dispatched on the job
 * alone, at least `jobMin`, and, unless it is the whole prompt's top agent, ahead of that agent
 * on the job by `jobMargin`) and they name two or more agents, the decision dispatches those
 * (in job order, at most `max`); otherwise the whole prompt's decision stands. The margin
 * keeps one job in two steps ("analyze the plan and add the indexes") with one agent. A
 * prompt the router declines as a whole stays declined.
 */
export function combineJobs(decision: RouteDecision, jobs: readonly RouteDecision[], rule: JobRule): RouteDecision {
  if (decision.dispatch.length === 0 || rule.jobMin >= 1) return decision;
  const top = decision.ranked[0]?.agent;
  const agentOf = (j: RouteDecision): string | undefined => {
    const agent = j.dispatch[0];
    const score = j.ranked[0]?.score ?? 0;
    if (agent === undefined || score < rule.jobMin) return undefined;
    if (agent === top) return agent;
    const topThere = j.ranked.find((r) => r.agent === top)?.score ?? 0;
    return score - topThere >= rule.jobMargin ? agent : undefined;
  };
  const tops = jobs.map(agentOf);
  if (tops.some((t) => t === undefined)) return decision;
  const agents = [...new Set(tops as string[])].slice(0, rule.max);
  if (agents.length < 2) return decision;
  const reasons: DecisionReasons = {
    ...decision.reasons,
    summary: `${agents.length} jobs: ${jobs.map((j) => `"${j.prompt}" → ${j.dispatch[0]}`).join("; ")}.`,
    jobs: jobs.map((j) => ({ text: j.prompt, agent: j.dispatch[0]!, score: j.ranked[0]?.score ?? 0 })),
  };
  return { ...decision, dispatch: agents, reasons };
}
