import path from "node:path";
import type { Command } from "commander";
import { initProject, INIT_PATHS, type InitResult } from "../../init/init.js";
import type { FileChange } from "../../init/safe-write.js";
import type { CliIO, CommandModule } from "../types.js";

/** `agentroute init`: a starter dataset, the cache in .gitignore and a CI gate, then what to do next. */
export const initCommand: CommandModule = (program: Command, io: CliIO, done) => {
  program
    .command("init")
    .description(
      "Set up a project with .claude/agents: a starter labeled dataset to review, .gitignore for the cache, a CI workflow running the routing gate",
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
        ? ` (${result.rows.examples} rows from the ${result.agents} agents' <example> blocks, ${result.rows.transcripts} from ${result.transcriptDir === null ? "transcripts (none found)" : "Claude Code transcripts"}; every row marked review=todo)`
        : f.outcome === "refused"
          ? ` (${f.reason})`
          : "";
    return `${VERB[f.outcome]} ${f.file}${detail}`;
  });
  const agents = INIT_PATHS.agents;
  const dataset = INIT_PATHS.dataset;
  const folder = path.posix.dirname(dataset);
  const next = [
    `Review ${dataset}: fix each row's expected agent(s) (several: a|b; empty: no agent should be dispatched), delete rows that are not real requests, add prompts of your own, then drop the review column. Rows from the agents' own examples score high by construction: the router reads those examples.`,
    `Measure: npx agentroute eval --agents ${agents} --dataset ${dataset}`,
    `Record the baseline: npx agentroute eval --agents ${agents} --dataset ${dataset} --out ${folder} --format json && mv ${folder}/report.json ${INIT_PATHS.baseline}`,
    `Commit ${agents}, ${folder}/ and ${INIT_PATHS.workflow}: CI then fails when routing gets worse than the baseline.`,
    "Optional: npx agentroute hook install suggests the agent for each prompt inside Claude Code.",
  ];
  return `${lines.join("\n")}\n\nNext:\n${next.map((step, i) => `  ${i + 1}. ${step}`).join("\n")}\n`;
}
