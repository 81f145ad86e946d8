import { readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AgentRouteError } from "../errors.js";

/**
 * The folder Claude Code keeps a project's sessions in:
 * `<config dir>/projects/<absolute project path with every non-alphanumeric character as "-">`,
 * where the config dir is `$CLAUDE_CONFIG_DIR` or `~/.claude`.
 *
 * @example
 * projectTranscriptDir("/work/my.app", { HOME: "/home/me" }) // "/home/me/.claude/projects/-work-my-app"
 */
export function projectTranscriptDir(projectDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configDir = env.CLAUDE_CONFIG_DIR?.trim() || path.join(env.HOME || os.homedir(), ".claude");
  return path.join(configDir, "projects", path.resolve(projectDir).replace(/[^a-zA-Z0-9]/g, "-"));
}

/**
 * The session transcripts to read, sorted: files given are taken as they are; folders are
 * walked for `*.jsonl`, leaving out subagent transcripts (`agent-*.jsonl` beside the session in
 * 2.0.x, `<session>/subagents/` now), whose prompts were written by the main session, not typed.
 *
 * @example
 * await collectTranscriptFiles(["~/.claude/projects/-work-app"]) // [".../5c03….jsonl", …]
 */
export async function collectTranscriptFiles(paths: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (info === null) {
      throw new AgentRouteError("NOT_FOUND", `no such file or folder: ${given}`, {
        hint: "Pass session transcripts (*.jsonl) or a folder of them, or use --project DIR.",
        file: given,
      });
    }
    if (info.isFile()) files.add(path.resolve(given));
    else if (!info.isDirectory()) {
      throw new AgentRouteError(
        "TRANSCRIPT_INVALID",
        `${given}: not a regular file or a folder (a FIFO, socket or device)`,
        {
          hint: "Pass session transcripts (*.jsonl) or a folder of them, or use --project DIR.",
          file: given,
        },
      );
    } else for (const file of await walkSessions(path.resolve(given))) files.add(file);
  }
  return [...files].sort();
}

async function walkSessions(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "subagents") found.push(...(await walkSessions(full)));
    } else if (entry.isFile() && entry.name.endsWith(".jsonl") && !entry.name.startsWith("agent-")) {
      found.push(full);
    }
  }
  return found;
}
