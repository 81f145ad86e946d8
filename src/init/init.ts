import { stat } from "node:fs/promises";
import path from "node:path";
import { loadAgents } from "../agents/load/load.js";
import { AgentRouteError } from "../errors.js";
import { readDispatchLog } from "../transcripts/transcripts.js";
import { projectTranscriptDir } from "../transcripts/transcript-files.js";
import type { DispatchRecord } from "../transcripts/types.js";
import type { AgentSpec } from "../agents/types.js";
import { VERSION } from "../version.js";
import { appendLineOnce, writeNewFile, type FileChange } from "./safe-write.js";
import { renderStarterCsv, starterRows } from "./starter-dataset.js";
import { renderWorkflow } from "./workflow.js";

/** Where `init` puts things, relative to the project folder. */
export const INIT_PATHS = {
  agents: ".claude/agents",
  skills: ".claude/skills",
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
  skills: number;
  /** The project folders read (`.claude/agents`, `.claude/skills`, or both). */
  folders: string[];
  /** Starter rows by where they came from (skill cues: a skill's "Use when …" clause). */
  rows: { examples: number; skillCues: number; transcripts: number };
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
  const { folders, specs } = await loadProjectSet(root);
  const transcriptDir =
    options.transcripts === false ? null : await existingDir(projectTranscriptDir(root, options.env));
  const records: DispatchRecord[] = transcriptDir === null ? [] : (await readDispatchLog([transcriptDir])).records;
  const rows = starterRows(specs, records);
  const files = [
    await writeNewFile(root, INIT_PATHS.dataset, renderStarterCsv(rows)),
    await appendLineOnce(root, INIT_PATHS.gitignore, INIT_PATHS.cache, isCacheIgnored),
    await writeNewFile(
      root,
      INIT_PATHS.workflow,
      renderWorkflow({ version: VERSION, folders, dataset: INIT_PATHS.dataset, baseline: INIT_PATHS.baseline }),
    ),
  ];
  const count = (source: string) => rows.filter((r) => r.source === source).length;
  const skills = specs.filter((s) => s.kind === "skill").length;
  return {
    agents: specs.length - skills,
    skills,
    folders,
    rows: { examples: count("agent-example"), skillCues: count("skill-cue"), transcripts: count("transcript") },
    transcriptDir,
    files,
  };
}

/** The project's agents and skills (`.claude/agents`, `.claude/skills`): at least one folder, one spec. */
async function loadProjectSet(root: string): Promise<{ folders: string[]; specs: AgentSpec[] }> {
  const kinds = [
    [INIT_PATHS.agents, "agents"],
    [INIT_PATHS.skills, "skills"],
  ] as const;
  const folders: string[] = [];
  const specs: AgentSpec[] = [];
  for (const [folder, kind] of kinds) {
    if ((await existingDir(path.join(root, folder))) === null) continue;
    folders.push(folder);
    specs.push(...(await loadAgents(path.join(root, folder), { kind })).agents);
  }
  if (folders.length === 0) {
    throw new AgentRouteError("NOT_FOUND", `no ${INIT_PATHS.agents} or ${INIT_PATHS.skills} folder in ${root}`, {
      hint: "Run agentroute init in the project's root folder, the one holding .claude/agents/*.md or .claude/skills/*/SKILL.md.",
      file: path.join(root, INIT_PATHS.agents),
    });
  }
  if (specs.length === 0) {
    throw new AgentRouteError("AGENTS_EMPTY", `${folders.join(" and ")} hold no agent or skill that parses`, {
      hint: `Run agentroute lint ${folders.join(" ")} to see why.`,
      file: path.join(root, folders[0]!),
    });
  }
  return { folders, specs };
}

/** A .gitignore line that already keeps the cache folder out (".agentroute-cache", "/.agentroute-cache/"…). */
function isCacheIgnored(line: string): boolean {
  return /^\/?\.agentroute-cache\/?\*{0,2}$/.test(line);
}

async function existingDir(dir: string): Promise<string | null> {
  return (await stat(dir).catch(() => null))?.isDirectory() ? dir : null;
}
