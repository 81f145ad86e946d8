import { openSafeWriter } from "../../util/safe-write.js";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { projectTranscriptDir } from "../../transcripts/transcript-files.js";
import { streamDispatchLog } from "../../transcripts/transcripts.js";
import { renderTranscriptSummary } from "../../transcripts/render-summary.js";
import type { DispatchLogLine } from "../../transcripts/types.js";
import { AgentRouteError } from "../../errors.js";
import { addFormatOption, chooseFormat, type FormatFlags, type OutputFormats } from "../format-flag.js";
import type { CliIO, CommandModule } from "../types.js";

/** transcripts' output formats, one dispatch-log line each (JSONL is what eval --dispatch-log reads). */
const TRANSCRIPTS_FORMATS = {
  jsonl: (line: DispatchLogLine) => `${JSON.stringify(line)}\n`,
} satisfies OutputFormats<DispatchLogLine>;

interface TranscriptsOptions extends FormatFlags {
  project?: string;
  since?: string;
  out?: string;
}

/** `agentroute transcripts [PATH…]`: Claude Code sessions → dispatch log (JSONL). */
export const transcriptsCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("transcripts")
    .description(
      "Read Claude Code session transcripts into a dispatch log: one JSON line per typed prompt with the subagents started for it",
    )
    .argument(
      "[paths...]",
      "session files (*.jsonl) or folders of them; default: this project's ~/.claude/projects/<sanitized cwd>/",
    )
    .option("--project <dir>", "read the sessions of the project in DIR instead of the working directory")
    .option("--since <date>", "keep prompts at or after DATE (e.g. 2025-09-01 or an ISO timestamp)")
    .option("--out <file>", "write the dispatch log to FILE instead of stdout");
  addFormatOption(command, TRANSCRIPTS_FORMATS).action(async (paths: string[], options: TranscriptsOptions) => {
    done(await runTranscripts(paths, options, io));
  });
};

async function runTranscripts(paths: string[], options: TranscriptsOptions, io: CliIO): Promise<number> {
  if (paths.length > 0 && options.project !== undefined) {
    throw new AgentRouteError("USAGE", "--project and transcript paths together", {
      hint: "Give either --project DIR (its sessions under ~/.claude/projects) or the files and folders to read.",
    });
  }
  const render = TRANSCRIPTS_FORMATS[chooseFormat(options, TRANSCRIPTS_FORMATS, "transcripts")];
  const since = options.since === undefined ? undefined : parseSince(options.since);
  const sources =
    paths.length > 0 ? paths.map((p) => path.resolve(io.cwd, p)) : [await projectSessions(options.project, io)];
  const stream = streamDispatchLog(sources, { since });
  const file =
    options.out === undefined
      ? null
      : await openSafeWriter(path.resolve(io.cwd, options.out), { what: "dispatch log", label: options.out });
  try {
    for await (const record of stream) {
      const line: DispatchLogLine = {
        prompt: record.prompt,
        dispatched: record.dispatched,
        skills: record.skills,
        session: record.session,
        timestamp: record.timestamp,
        version: record.version,
      };
      const text = render(line);
      if (file === null) io.out(text);
      else await file.write(text);
    }
    await file?.commit();
  } finally {
    await file?.abort();
  }
  io.err(renderTranscriptSummary(stream.stats, io.cwd));
  if (file !== null) io.err(`dispatch log written to ${options.out}\n`);
  return 0;
}

/** The sessions folder of the project (cwd or --project), which must exist. */
async function projectSessions(project: string | undefined, io: CliIO): Promise<string> {
  const projectDir = path.resolve(io.cwd, project ?? ".");
  const dir = projectTranscriptDir(projectDir, io.env);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new AgentRouteError("NOT_FOUND", `${dir}: no such folder, so no Claude Code sessions for ${projectDir}`, {
      hint: "Run Claude Code in that project first, pick another with --project DIR, or pass transcript files or folders.",
      file: dir,
    });
  }
  return dir;
}

function parseSince(value: string): Date {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new AgentRouteError("USAGE", `--since: not a date: ${JSON.stringify(value)}`, {
      hint: "Give a date like 2025-09-01 or an ISO timestamp like 2025-09-01T12:00:00Z.",
    });
  }
  return new Date(time);
}
