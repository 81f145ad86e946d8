import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { AgentSet } from "../agents/types.js";
import { parseAgentFile } from "../agents/parse/parse.js";
import { AgentRouteError } from "../errors.js";
import { unifiedDiff } from "../util/unified-diff.js";
import { checkWritableDestination, writeFileSafely } from "../util/safe-write.js";
import { runAdvice, type AdviseOptions } from "./advise.js";
import { applyEdit } from "./edits.js";
import type { ProvenEdit } from "./types.js";

/** One proven edit ready to write: the file, its text before and after, and the diff shown first. */
export interface EditPlan {
  n: number;
  edit: ProvenEdit;
  /** Absolute path of the agent file. */
  file: string;
  /** The file as messages name it (relative to cwd when inside it). */
  label: string;
  before: string;
  after: string;
  diff: string;
}

/**
 * Plans `advise --apply N`: re-runs the proof (deterministic, so edit N is the one the last
 * advise run printed as N; no file from an earlier run is read), then applies edit N to the
 * agent file's current text. Nothing is written: see writeEditPlan.
 *
 * @throws AgentRouteError USAGE without a dataset or when N is not one of the proven edits;
 *   IO when the agent file lies outside the agents folder, is a symlink or is read-only.
 * @example
 * const plan = await planAdvisedEdit({ agentsDir: "agents", dataset: "datasets/team.csv" }, 1);
 * process.stdout.write(plan.diff);
 * await writeEditPlan(plan);
 */
export async function planAdvisedEdit(options: AdviseOptions, n: number): Promise<EditPlan> {
  if (options.dataset === undefined) {
    throw new AgentRouteError("USAGE", "--apply needs --dataset: edits are numbered by the proof on labeled prompts", {
      hint: "Run `agentroute advise --dataset FILE` to see the numbered edits, then `advise --dataset FILE --apply N`.",
    });
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new AgentRouteError("USAGE", `--apply: expected an edit number (1, 2, …), got ${String(n)}`, {
      hint: "Use a number from the 'Tested edits' list of `agentroute advise --dataset FILE`.",
    });
  }
  const cwd = options.cwd ?? process.cwd();
  const { advice, agentSet } = await runAdvice(options);
  const edit = advice.proven[n - 1];
  if (!edit) {
    const which = advice.proven.length ? `1 to ${advice.proven.length}` : "none: no edit passed the proof";
    throw new AgentRouteError(
      "USAGE",
      `--apply ${n}: advise proved ${advice.proven.length} edit(s) on ${advice.eval?.dataset ?? "this dataset"} (${which})`,
      {
        hint: "Run `agentroute advise --dataset FILE` with the same agents, dataset and config to see the numbered list.",
      },
    );
  }
  const file = await agentFile(agentSet, edit.agent);
  const label = displayFile(cwd, file);
  await checkWritableDestination(file, { what: "agent file", label });
  const before = await readFile(file, "utf8");
  const after = applyEdit(before, edit);
  if (after === null || !parseAgentFile(after, path.basename(file), { path: file }).agent) {
    throw new AgentRouteError("IO", `${label}: the edit no longer applies (the file changed since advise read it?)`, {
      hint: "Re-run `agentroute advise --dataset FILE` and pick the edit again.",
      file: label,
    });
  }
  return { n, edit, file, label, before, after, diff: unifiedDiff(before, after, label) };
}

/**
 * Writes a planned edit atomically (never through a symlink), only if the file still holds
 * the text the plan was made from.
 */
export async function writeEditPlan(plan: EditPlan): Promise<void> {
  const now = await readFile(plan.file, "utf8");
  if (now !== plan.before) {
    throw new AgentRouteError("IO", `${plan.label}: changed while the edit was being planned; nothing written`, {
      hint: "Re-run the command.",
      file: plan.label,
    });
  }
  await writeFileSafely(plan.file, plan.after, { what: "agent file", label: plan.label });
}

/** The agent's file, refused unless it lies (symlinks resolved) inside a project, user or named agents folder. */
async function agentFile(set: AgentSet, name: string): Promise<string> {
  const agent = set.agents.find((a) => a.name === name)!;
  const folders = set.sources ? set.sources.filter((s) => s.scope !== "plugin").map((s) => s.path) : [set.root];
  const real = await realpath(path.dirname(agent.path));
  for (const folder of folders) {
    const root = await realpath(folder).catch(() => null);
    if (root !== null && (real === root || real.startsWith(`${root}${path.sep}`))) return agent.path;
  }
  throw new AgentRouteError("IO", `${agent.path}: not inside the agents folder advise read; nothing written`, {
    hint: "Edit that file by hand, or point --agents at the folder that holds it.",
    file: agent.path,
  });
}

function displayFile(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}
