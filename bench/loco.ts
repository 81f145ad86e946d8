/**
 * Leave one collection out: `npm run bench:loco` (add `--no-write` to only print).
 * For each agent collection C, the fusion is fitted on every other collection's labeled rows
 * (datasets/ and corpus/, plus the BANKING77 agents' example folds) with the corpus bank left without C's prompts,
 * then tested on C's labeled rows: datasets/<C>.csv where it exists, else C's corpus file,
 * which that fold never saw. Printed beside today's defaults (src/classify/defaults.ts), and
 * written into docs/quality.md's generated `loco` section.
 */
import path from "node:path";
import { writeSections } from "../scripts/doc-sections.js";
import { resolveConfig } from "../src/classify/config.js";
import { chooseDispatch } from "../src/classify/decide.js";
import type { FusionWeights } from "../src/classify/defaults.js";
import { averagePrf, countClasses, isExactMatch } from "../src/eval/metrics.js";
import type { FeatureTable } from "../src/tune/feature-table.js";
import { DEFAULT_FIT, fitDecision, fitFusion, fuseRow, type DecisionConfig } from "../src/tune/fit.js";
import type { Adapter } from "../src/indexing/adapter.js";
import { foldAdapters, type FoldAdapters } from "./adapter-folds.js";
import { poolTables, withAdapter, type BankChoice, type PoolTable } from "./fit-pool.js";
import { ROOT } from "./sets.js";

/**
 * The embeddings-mode defaults before the corpus and the adapter (commit 7e7a5d0, threshold
 * 0.225, multi.min 0.5): the "before" side of every row.
 */
export const BEFORE_FUSION: FusionWeights = {
  bias: -2.659,
  weights: {
    head_p: 1.111,
    head_margin: 0.486,
    emb_max: 0.162,
    emb_top3: -0.537,
    emb_margin: 0.521,
    bg_margin: -1.836,
    emb_best: -0.276,
    emb_typ: 2.595,
    kw_cov: 0.423,
    kw_rel: 1.247,
    lex_max: 0.599,
    kw_best: -0.044,
    trig: 0.949,
    must: 0.378,
    proactive: 0.023,
    not_engage: -0.001,
    redirect: 0.046,
  },
};

interface Scores {
  rows: number;
  accuracy: number;
  macroF1: number;
  paraphrase: number;
  noneF1: number;
}

/** Accuracy, macro-F1, accuracy on kind=paraphrase rows and none-F1 of a table under a model. */
export function scoreRows(
  table: FeatureTable,
  kinds: readonly string[],
  fusion: FusionWeights,
  decision: DecisionConfig,
): Scores {
  const cases = table.rows.map((row) => {
    const dispatch = chooseDispatch(fuseRow(row, fusion, table.agents.length), table.agents, decision);
    return {
      expected: row.expected.map((a) => table.agents[a]!),
      predicted: dispatch.map((a) => table.agents[a]!),
      ranked: [],
    };
  });
  const ok = cases.map(isExactMatch);
  const para = ok.filter((_, i) => kinds[i] === "paraphrase");
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const e = c.expected.length === 0;
    const p = c.predicted.length === 0;
    if (e && p) tp++;
    else if (p) fp++;
    else if (e) fn++;
  }
  return {
    rows: cases.length,
    accuracy: ok.filter(Boolean).length / Math.max(ok.length, 1),
    macroF1: averagePrf(countClasses(cases)).macro.f1,
    paraphrase: para.length ? para.filter(Boolean).length / para.length : NaN,
    noneF1: tp + fp + fn > 0 && tp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : NaN,
  };
}

/**
 * Fusion and decision fitted on the given tables, each row's adapter features from an adapter
 * trained without that row's collection (`fallback` for rows of no corpus collection).
 */
export function fitOn(
  tables: readonly PoolTable[],
  adapters: FoldAdapters,
  fallback: Adapter | null,
): { fusion: FusionWeights; decision: DecisionConfig } {
  const fitted = tables.map((t) => withAdapter(t, adapters.without(t.collection) ?? fallback));
  const fusion = fitFusion(fitted, DEFAULT_FIT);
  return { fusion, decision: fitDefaultRule(fitted, fusion) };
}

/**
 * The decision rule fitted for a fusion, for accuracy, on the tables where abstaining is
 * possible (at least 5 % none rows). Shared by both modes' fits.
 */
export function fitDefaultRule(tables: readonly FeatureTable[], fusion: FusionWeights): DecisionConfig {
  const withNone = tables.filter((t) => t.rows.filter((r) => r.expected.length === 0).length >= 0.05 * t.rows.length);
  return fitDecision(withNone, fusion, resolveConfig({}), "accuracy");
}

/** "Before": no corpus at all, so no bank either. */
const NO_BANK: BankChoice = async () => null;

const f3 = (x: number): string => (Number.isNaN(x) ? "–" : x.toFixed(2));
const pair = (a: number, b: number): string => `${f3(a)} → ${f3(b)}`;

function line(name: string, before: Scores, after: Scores): string {
  return `| ${name} | ${after.rows} | ${pair(before.accuracy, after.accuracy)} | ${pair(before.macroF1, after.macroF1)} | ${pair(before.paraphrase, after.paraphrase)} | ${pair(before.noneF1, after.noneF1)} |`;
}

/** Whether the fusion is fitted on the corpus tables too (else on datasets/ only; the adapter always learns from the corpus). */
const FIT_CORPUS = process.env.LOCO_FIT_CORPUS !== "0";

const HEADER = [
  "| held out | rows | accuracy | macro-F1 | paraphrase | none-F1 |",
  "| --- | --- | --- | --- | --- | --- |",
];

export async function runLoco(): Promise<string[]> {
  const pool = await poolTables();
  const adapters = await foldAdapters(pool[0]!.index.embedder!);
  const today = {
    fusion: BEFORE_FUSION,
    decision: resolveConfig({ threshold: 0.225, multi: { margin: 0.2, min: 0.5, max: 3 } }),
  };
  const collections = [...new Set(pool.filter((t) => t.collection).map((t) => t.collection!))];
  const out = [
    "Leave one collection out (fusion, adapter and corpus bank made without the collection's rows); before → after:",
    "",
    ...HEADER,
  ];
  for (const c of collections) {
    const test = pool.find((t) => t.collection === c && !t.corpus) ?? pool.find((t) => t.name === `corpus/${c}`);
    if (!test) continue;
    const held = adapters.without(c) ?? adapters.all;
    const train = pool.filter((t) => t.role === "fit" && t.collection !== c && (FIT_CORPUS || !t.corpus));
    const model = fitOn(train, adapters, held);
    const table = withAdapter(test, held);
    const name = `${c}${test.corpus ? " (corpus)" : ""}`;
    const before = (await test.reopen(NO_BANK)).table;
    out.push(
      line(
        name,
        scoreRows(before, test.kinds, today.fusion, today.decision),
        scoreRows(table, test.kinds, model.fusion, model.decision),
      ),
    );
    console.log(out.at(-1));
  }
  const all = fitOn(
    pool.filter((t) => t.role === "fit" && (FIT_CORPUS || !t.corpus)),
    adapters,
    adapters.all,
  );
  out.push(
    "",
    "Fitted on every collection (the shipped fusion's recipe, at its fitted threshold), on sets never fitted:",
    "",
    ...HEADER,
  );
  for (const t of pool.filter((t) => t.role === "check")) {
    const table = withAdapter(t, adapters.all);
    const before = (await t.reopen(NO_BANK)).table;
    out.push(
      line(
        t.name,
        scoreRows(before, t.kinds, today.fusion, today.decision),
        scoreRows(table, t.kinds, all.fusion, all.decision),
      ),
    );
    console.log(out.at(-1));
  }
  console.log(
    `\nfusion fitted on all ${JSON.stringify(all.fusion)}\ndecision ${JSON.stringify({ threshold: all.decision.threshold, multi: all.decision.multi })}`,
  );
  return out;
}

const DOC = path.join(ROOT, "docs/quality.md");

/** Replaces the generated `loco` section of docs/quality.md. */
function writeDoc(lines: readonly string[]): void {
  writeSections(DOC, { loco: lines.join("\n") });
}

if (process.argv[1]?.endsWith("loco.js")) {
  const lines = await runLoco();
  if (!process.argv.includes("--no-write")) writeDoc(lines);
}
