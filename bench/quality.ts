/**
 * The quality section: every labeled (agents, dataset) pair in bench/sets.ts, in embeddings
 * and keyword-only mode, through the same `evaluateAgents` as `agentroute eval`.
 * Split sets (BANKING77 and its out-of-scope prompts) are shown whole and as their odd-indexed
 * half: bench/fit-defaults.ts fits on the even half of our out-of-scope prompts, never on the
 * BANKING77 test split (it takes the BANKING77 agents' own examples instead).
 */
import { computeSummary } from "../src/eval/summary.js";
import { evaluateAgents } from "../src/eval/evaluate.js";
import type { Summary } from "../src/eval/types.js";
import { LABELED_SETS, ROOT } from "./sets.js";
import { pct, renderTable } from "./util/table.js";

/** What "fit on" says for a set. */
function fitLabel(set: (typeof LABELED_SETS)[number]): QualityRow["fit"] {
  if (set.exampleFolds) return "no (examples)";
  if (set.split) return "even half";
  return set.fit ? "yes" : "no";
}

export type QualityMode = "embeddings" | "keyword";

export interface QualityRow {
  set: string;
  mode: QualityMode;
  agents: number;
  rows: number;
  /** Whether this set's rows took part in fitting the defaults (bench/fit-defaults.ts). */
  fit: "yes" | "no" | "even half" | "no (examples)";
  accuracy: number;
  macroF1: number;
  top1: number;
  top3: number;
  noneP: number;
  noneR: number;
  /** Expected calibration error (10 bins). */
  ece: number;
  seconds: number;
}

/** Sets in the quick run: the project's own (small) ones. */
const QUICK_SETS = ["example", "claude-config-12"];

function toRow(
  set: string,
  mode: QualityMode,
  agents: number,
  fit: QualityRow["fit"],
  s: Summary,
  rows: number,
  seconds: number,
): QualityRow {
  return {
    set,
    mode,
    agents,
    rows,
    fit,
    accuracy: s.accuracy,
    macroF1: s.macro.f1,
    top1: s.top1,
    top3: s.top3,
    noneP: s.none.precision,
    noneR: s.none.recall,
    ece: s.ece,
    seconds,
  };
}

/**
 * Evaluates every labeled set in both modes (the quick run: two small sets).
 *
 * @example
 * const rows = await runQuality({ quick: false, log: console.error });
 */
export async function runQuality(options: { quick: boolean; log: (line: string) => void }): Promise<QualityRow[]> {
  const out: QualityRow[] = [];
  const sets = LABELED_SETS.filter((s) => !options.quick || QUICK_SETS.includes(s.name));
  for (const mode of ["embeddings", "keyword"] as const) {
    for (const set of sets) {
      options.log(`quality: ${set.name} (${mode})`);
      const start = Date.now();
      const report = await evaluateAgents({
        agentsDir: set.agents,
        dataset: set.dataset,
        embeddings: mode === "embeddings",
        cwd: ROOT,
        warn: () => {},
      });
      if (report.mode.kind !== mode)
        throw new Error(`quality: ${set.name} ran in ${report.mode.kind} mode, not ${mode} (no embedding model?)`);
      const seconds = (Date.now() - start) / 1000;
      const isSplit = set.split === true;
      out.push(toRow(set.name, mode, report.agents.count, fitLabel(set), report.summary, report.dataset.rows, seconds));
      if (isSplit) {
        const odd = report.cases.filter((_, i) => i % 2 === 1);
        out.push(
          toRow(
            `${set.name} odd half (held out)`,
            mode,
            report.agents.count,
            "no",
            computeSummary(odd),
            odd.length,
            seconds,
          ),
        );
      }
    }
  }
  return out;
}

/** One table per mode. */
export function renderQuality(rows: readonly QualityRow[]): string {
  const tables = (["embeddings", "keyword"] as const).map((mode) => {
    const body = rows
      .filter((r) => r.mode === mode)
      .map((r) => [
        r.set,
        String(r.agents),
        String(r.rows),
        r.fit,
        pct(r.accuracy),
        pct(r.macroF1),
        pct(r.top1),
        pct(r.top3),
        `${pct(r.noneP)} / ${pct(r.noneR)}`,
        r.ece.toFixed(3),
        r.seconds.toFixed(1),
      ]);
    return `### ${mode === "embeddings" ? "Embeddings mode (default model)" : "Keyword-only mode (--no-embeddings)"}\n\n${renderTable(["set", "agents", "prompts", "fit on", "accuracy", "macro-F1", "top-1", "top-3", "none P / R", "ECE", "s"], body)}`;
  });
  const note =
    '"fit on": whether the set\'s prompts were used by bench/fit-defaults.ts to fit the default fusion weights. BANKING77\'s test split never was ("no (examples)": the fit took its agents\' own examples, each held out of its agent); of its out-of-scope set the even-indexed half was, the odd-indexed half is held out. ' +
    'The example sets are never used for fitting. Top-1/top-3: the expected agent is first / among the first three ranked. "s" is the eval\'s wall time (the odd half is a slice of the full run).';
  return `${note}\n\n${tables.join("\n\n")}`;
}
