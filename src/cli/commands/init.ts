import path from "node:path";
import type { Command } from "commander";
import { initProject, INIT_PATHS, type InitResult } from "../../init/init.js";
import type { FileChange } from "../../init/safe-write.js";
import { evalSelection } from "../../init/workflow.js";
import type { CliIO, CommandModule } from "../types.js";

/** `agentroute init`: a starter dataset, the cache in .gitignore and a CI gate, then what to do next. */
export const initCommand: CommandModule = (program: Command, io: CliIO, done) => {
  program
    .command("init")
    .description(
      "Set up a project with .claude/agents or .claude/skills: a starter labeled dataset to review, .gitignore for the cache, a CI workflow running the routing gate",
    )
    .argument("[dir]", "the project folder", ".")
    .option("--no-transcripts", "leave out prompts from this project's Claude Code transcripts")
    .action(async (dir: string, options: { transcripts: boolean }) => {
      const projectDir = path.resolve(io.cwd, dir);
      const result = await initProject({ projectDir, env: io.env, transcripts: options.transcripts });
      io.out(renderInit(result));
      done(result.files.some((f) => f.outcome === "refused") ? 1 : 0);
    });
};

const VERB: Record<FileChange["outcome"], string> = {
  written: "wrote",
  appended: "added .agentroute-cache/ to",
  present: "already ignores the cache:",
  exists: "kept (exists, not overwritten):",
  refused: "refused to write",
};

/**
 * What init did and what to do next.
 *
 * @example
 * renderInit(result) // "wrote agentroute/routing.csv (11 rows from the agents' examples, 40 from transcripts; every row marked review=todo)\n…"
 */
export function renderInit(result: InitResult): string {
  const lines = result.files.map((f) => {
    const detail =
      f.file === INIT_PATHS.dataset && f.outcome === "written"
        ? ` (${datasetSources(result)}; every row marked review=todo)`
        : f.outcome === "refused"
          ? ` (${f.reason})`
          : "";
    return `${VERB[f.outcome]} ${f.file}${detail}`;
  });
  const selection = evalSelection(result.folders);
  const dataset = INIT_PATHS.dataset;
  const folder = path.posix.dirname(dataset);
  const skillRows =
    result.rows.skillCues > 0
      ? ` Rows from skills (source skill-cue) are the situation each skill's "Use when" names: rewrite them as a user would ask.`
      : "";
  const next = [
    `Review ${dataset}: fix each row's expected agent(s) or skill(s) (several: a|b; empty: none should be used), delete rows that are not real requests, add prompts of your own, then drop the review column. Rows from the agents' own examples score high by construction: the router reads those examples.${skillRows}`,
    `Measure: npx agentroute eval ${selection} --dataset ${dataset}`,
    `Record the baseline: npx agentroute eval ${selection} --dataset ${dataset} --out ${folder} --format json && mv ${folder}/report.json ${INIT_PATHS.baseline}`,
    `Commit ${result.folders.join(", ")}, ${folder}/ and ${INIT_PATHS.workflow}: CI then fails when routing gets worse than the baseline.`,
    "Optional: npx agentroute hook install suggests the agent or skill for each prompt inside Claude Code.",
  ];
  return `${lines.join("\n")}\n\nNext:\n${next.map((step, i) => `  ${i + 1}. ${step}`).join("\n")}\n`;
}

/** "11 rows from the 12 agents' <example> blocks, 4 from the 4 skills' cues, 3 from Claude Code transcripts". */
function datasetSources(result: InitResult): string {
  const parts: string[] = [];
  if (result.agents > 0) parts.push(`${result.rows.examples} rows from the ${result.agents} agents' <example> blocks`);
  if (result.skills > 0) parts.push(`${result.rows.skillCues} from the ${result.skills} skills' cues`);
  const transcripts = result.transcriptDir === null ? "transcripts (none found)" : "Claude Code transcripts";
  parts.push(`${result.rows.transcripts} from ${transcripts}`);
  return parts.join(", ");
}
