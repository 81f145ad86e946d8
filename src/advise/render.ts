import { neutraliseMarkdown } from "../report/escape.js";
import type { Advice, Confusion, StaleRedirect } from "./types.js";

/** Prompts quoted per suggestion in Markdown (JSON carries them all). */
const QUOTED = 3;

/**
 * Advice as Markdown for people: findings first (confusable pairs, shared triggers and
 * words, stale redirects, agents with nothing distinctive), then the eval's confusions with
 * what pulled each prompt, then the suggested edits with the prompts behind them.
 *
 * @example
 * renderAdviceMarkdown(advice) // "# agentroute advise: agents (8 agents, keyword-only)\n…"
 */
export function renderAdviceMarkdown(advice: Advice): string {
  const mode = advice.mode === "embeddings" ? `embeddings ${advice.model}` : "keyword-only";
  const out = [
    `# agentroute advise: ${advice.agents.path} (${advice.agents.count} agents, ${mode})`,
    "",
    advice.config,
    "",
  ];
  out.push("## Confusable pairs", "", "| pair | score | embedding | lexical | shared words |", "|---|---|---|---|---|");
  for (const p of advice.confusablePairs) {
    out.push(
      `| ${cell(p.a)} / ${cell(p.b)} | ${p.score.toFixed(2)} | ${p.embedding === null ? "–" : p.embedding.toFixed(2)} | ${p.lexical.toFixed(2)} | ${cell(p.sharedTerms.join(", "))} |`,
    );
  }
  out.push("", "## Shared triggers", "");
  out.push(
    ...list(
      advice.sharedTriggers.map((t) => `"${inline(t.phrase)}": ${t.agents.join(", ")}`),
      "No trigger phrase is claimed by two agents.",
    ),
  );
  out.push("", "## Words several agents claim in their description or triggers", "");
  out.push(
    ...list(
      advice.sharedTerms.map(
        (t) =>
          `${t.term}: ${t.agents.join(", ")}${t.alsoIn.length ? ` (also in the bullets of ${t.alsoIn.join(", ")})` : ""}`,
      ),
      "None.",
    ),
  );
  out.push("", "## Stale redirects", "");
  out.push(
    ...list(
      groupStale(advice.staleRedirects).map(
        ({ first, targets }) =>
          `${first.agent} (${first.file}:${first.line}): "${inline(first.bullet)}" → ${capNames(targets)}, not in this set`,
      ),
      "None.",
    ),
  );
  out.push("", "## Agents with no distinctive words", "");
  out.push(
    ...list(
      advice.indistinct.map((name) => `${name}: every word of its headline is used by another agent`),
      "None: every agent has a headline word of its own.",
    ),
  );
  if (advice.eval) out.push(...renderConfusions(advice), ...renderProven(advice));
  out.push("", "## Suggestions", "");
  if (advice.suggestions.length === 0) out.push("None.");
  for (const s of advice.suggestions) {
    out.push(`- **${s.text}**: ${s.because}.`);
    for (const p of s.prompts.slice(0, QUOTED)) out.push(`  - "${inline(p)}"`);
    if (s.prompts.length > QUOTED) out.push(`  - … and ${s.prompts.length - QUOTED} more`);
  }
  return `${out.join("\n")}\n`;
}

/** The tested edits, numbered for `advise --apply N`, each with its measured effect. */
function renderProven(advice: Advice): string[] {
  const proof = advice.proof;
  const out = ["", "## Tested edits", ""];
  if (proof === null || proof.folds === 0) return [...out, "Too few labeled prompts to test an edit."];
  out.push(
    `${proof.tried} edit(s) tried in ${proof.folds}-fold cross-validation: each proposed from the misroutes of ${proof.folds - 1}/${proof.folds} of the prompts, applied to a copy of the agents and judged on the other 1/${proof.folds}. Kept: ${advice.proven.length}, those that fixed held-out prompts, broke none and raised macro-F1.`,
    "",
  );
  if (advice.proven.length === 0)
    out.push("None helped on held-out prompts without breaking others: no edit to suggest.");
  advice.proven.forEach((e, i) => {
    const range = `[${signed(e.interval.low)}, ${signed(e.interval.high)}]`;
    out.push(
      `${i + 1}. **${inline(e.summary)}** (${e.file}): fixed ${e.fixed.length} held-out prompt(s), broke ${e.broken.length}; macro-F1 ${signed(e.deltaMacroF1)} (paired 95% interval ${range}${e.interval.low <= 0 ? ", includes 0" : ""}). \`agentroute advise --apply ${i + 1}\` writes it.`,
    );
    for (const p of e.fixed.slice(0, QUOTED)) out.push(`   - fixed: "${inline(p)}"`);
  });
  return out;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : "-"}${Math.abs(x).toFixed(3)}`;
}

function renderConfusions(advice: Advice): string[] {
  const e = advice.eval!;
  const out = [
    "",
    `## Most confused pairs (${e.dataset}: ${e.rows} prompts, accuracy ${e.accuracy.toFixed(3)}, macro-F1 ${e.macroF1.toFixed(3)})`,
  ];
  if (advice.confusions.length === 0) out.push("", "No misrouted prompts.");
  for (const c of advice.confusions) out.push("", ...renderConfusion(c));
  return out;
}

function renderConfusion(c: Confusion): string[] {
  const out = [`### ${c.expected} → ${c.extra ? `${c.expected} + ` : ""}${c.predicted} (${c.count})`, ""];
  const notIn = c.expected === "none" ? "" : ` and not in ${c.expected}'s`;
  if (c.pullWords.length) out.push(`Words in ${c.predicted}'s text${notIn}: ${c.pullWords.join(", ")}`, "");
  for (const p of c.prompts) {
    const why = [
      p.matchedTriggers.length ? `triggers ${p.matchedTriggers.map((t) => `"${t}"`).join(", ")}` : "",
      p.bestPiece ? `closest piece "${inline(clip(p.bestPiece))}"` : "",
    ].filter(Boolean);
    out.push(`- "${inline(p.prompt)}" (line ${p.line})${why.length ? `: ${why.join("; ")}` : ""}`);
  }
  return out;
}

function list(items: readonly string[], empty: string): string[] {
  return items.length ? items.map((i) => `- ${i}`) : [empty];
}

/** Markdown table cells: a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function clip(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/** Stale redirects of one bullet together (records arrive grouped by file and line). */
function groupStale(records: readonly StaleRedirect[]): { first: StaleRedirect; targets: string[] }[] {
  const groups: { first: StaleRedirect; targets: string[] }[] = [];
  for (const r of records) {
    const last = groups.at(-1);
    if (last && last.first.file === r.file && last.first.line === r.line) last.targets.push(r.target);
    else groups.push({ first: r, targets: [r.target] });
  }
  return groups;
}

/** "a, b, c, d, e and 995 more": a bullet naming thousands prints one short line. */
function capNames(names: readonly string[], shown = 5): string {
  return names.length > shown
    ? `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`
    : names.join(", ");
}

/** A prompt or bullet quoted in the Markdown: one line, no links, images or mentions. */
function inline(text: string): string {
  return neutraliseMarkdown(text.replace(/\s+/g, " "));
}
