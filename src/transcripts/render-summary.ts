import path from "node:path";
import { compareNames } from "../eval/labels.js";
import type { TranscriptStats } from "./types.js";

const MAX_PROBLEMS_SHOWN = 20;

/**
 * The summary `agentroute transcripts` prints to stderr: files, prompts, dispatches per agent,
 * skipped lines by kind, and the problems with file:line (paths relative to `cwd`).
 *
 * @example
 * renderTranscriptSummary(stats, process.cwd())
 * // "read 3 files, 98 lines: 2 typed prompts, 2 with a subagent dispatch (100.0%)\n…"
 */
export function renderTranscriptSummary(stats: TranscriptStats, cwd: string): string {
  const share = stats.prompts === 0 ? 0 : (100 * stats.promptsWithDispatch) / stats.prompts;
  const lines = [
    `read ${plural(stats.files, "file")}, ${plural(stats.lines, "line")}: ${plural(stats.prompts, "typed prompt")}, ` +
      `${stats.promptsWithDispatch} with a subagent dispatch (${share.toFixed(1)}%)` +
      (stats.promptsWithSkill > 0 ? `, ${stats.promptsWithSkill} with a skill` : ""),
  ];
  lines.push(...countTable("dispatches by agent:", stats.perAgent), ...countTable("skills loaded:", stats.perSkill));
  const skipped = Object.entries(stats.skipped).sort(([a, x], [b, y]) => y - x || compareNames(a, b));
  if (skipped.length > 0) lines.push(`lines not taken as prompts: ${skipped.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  if (stats.duplicatePrompts > 0)
    lines.push(
      `${plural(stats.duplicatePrompts, "prompt")} already read from another file (resumed session), counted once`,
    );
  if (stats.filesBeforeSince > 0)
    lines.push(`${plural(stats.filesBeforeSince, "file")} last written before --since not read`);
  if (stats.beforeSince > 0) lines.push(`${plural(stats.beforeSince, "prompt")} before --since left out`);
  if (stats.problemCount > 0) {
    lines.push(`${plural(stats.problemCount, "problem")}:`);
    for (const p of stats.problems.slice(0, MAX_PROBLEMS_SHOWN))
      lines.push(`  ${relative(p.file, cwd)}:${p.line}: ${p.reason}`);
    if (stats.problemCount > MAX_PROBLEMS_SHOWN) lines.push(`  … and ${stats.problemCount - MAX_PROBLEMS_SHOWN} more`);
  }
  return lines.join("\n") + "\n";
}

function countTable(title: string, counts: Record<string, number>): string[] {
  const rows = Object.entries(counts).sort(([a, x], [b, y]) => y - x || compareNames(a, b));
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [title, ...rows.map(([name, n]) => `  ${name.padEnd(width)}  ${n}`)];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}
