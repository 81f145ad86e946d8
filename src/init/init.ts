import { stat } from "node:fs/promises";
import path from "node:path";
import { loadAgents } from "../agents/load/load.js";
import { AgentRouteError } from "../errors.js";
import { readDispatchLog } from "../transcripts/transcripts.js";
import { projectTranscriptDir } from "../transcripts/transcript-files.js";
import type { DispatchRecord } from "../transcripts/types.js";
import { VERSION } from "../version.js";
import { appendLineOnce, writeNewFile, type FileChange } from "./safe-write.js";
import { renderStarterCsv, starterRows } from "./starter-dataset.js";
import { renderWorkflow } from "./workflow.js";

/** Where `init` puts things, relative to the project folder. */
export const INIT_PATHS = {
  agents: ".claude/agents",
  dataset: "agentroute/routing.csv",
  baseline: "agentroute/baseline.json",
  workflow: ".github/workflows/agentroute.yml",
  gitignore: ".gitignore",
  cache: ".agentroute-cache/",
} as const;

export interface InitOptions {
  projectDir: string;
  env: NodeJS.ProcessEnv;
  /** Read this project's Claude Code transcripts for prompts (default true). */
  transcripts?: boolean;
}

export interface InitResult {
  agents: number;
  /** Starter rows by where they came from. */
  rows: { examples: number; transcripts: number };
  /** The transcript folder read, or null when there was none (or transcripts were off). */
  transcriptDir: string | null;
  files: FileChange[];
}

/**
 * Sets a project up for agentroute: a starter labeled dataset from the agents' own examples
 * and the project's Claude Code transcripts (every row marked for review), the vector cache
 * in .gitignore, and a CI workflow running the routing gate. Never replaces a file that
 * exists and never writes through a symlink: see each FileChange's outcome.
 *
 * @example
 * const result = await initProject({ projectDir: "/repo", env: process.env });
 * result.files // [{ file: "agentroute/routing.csv", outcome: "written" }, …]
 */
export async function initProject(options: InitOptions): Promise<InitResult> {
  const root = path.resolve(options.projectDir);
  const agentsDir = path.join(root, INIT_PATHS.agents);
  if (!(await stat(agentsDir).catch(() => null))?.isDirectory()) {
    throw new AgentRouteError("NOT_FOUND", `no ${INIT_PATHS.agents} folder in ${root}`, {
      hint: "Run agentroute init in the project's root folder, the one holding .claude/agents/*.md.",
      file: agentsDir,
    });
  }
  const set = await loadAgents(agentsDir);
  if (set.agents.length === 0) {
    throw new AgentRouteError("AGENTS_EMPTY", `${INIT_PATHS.agents} holds no agent that parses`, {
      hint: "Run agentroute lint .claude/agents to see why.",
      file: agentsDir,
    });
  }
  const transcriptDir =
    options.transcripts === false ? null : await existingDir(projectTranscriptDir(root, options.env));
  const records: DispatchRecord[] = transcriptDir === null ? [] : (await readDispatchLog([transcriptDir])).records;
  const rows = starterRows(set.agents, records);
  const files = [
    await writeNewFile(root, INIT_PATHS.dataset, renderStarterCsv(rows)),
    await appendLineOnce(root, INIT_PATHS.gitignore, INIT_PATHS.cache, isCacheIgnored),
    await writeNewFile(
      root,
      INIT_PATHS.workflow,
      renderWorkflow({
        version: VERSION,
        agentsDir: INIT_PATHS.agents,
        dataset: INIT_PATHS.dataset,
        baseline: INIT_PATHS.baseline,
      }),
    ),
  ];
  const fromExamples = rows.filter((r) => r.source === "agent-example").length;
  return {
    agents: set.agents.length,
    rows: { examples: fromExamples, transcripts: rows.length - fromExamples },
    transcriptDir,
    files,
  };
}

/** A .gitignore line that already keeps the cache folder out (".agentroute-cache", "/.agentroute-cache/"…). */
function isCacheIgnored(line: string): boolean {
  return /^\/?\.agentroute-cache\/?\*{0,2}$/.test(line);
}

async function existingDir(dir: string): Promise<string | null> {
  return (await stat(dir).catch(() => null))?.isDirectory() ? dir : null;
}
