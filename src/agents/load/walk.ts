import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { makeDiagnostic } from "../diagnostic.js";
import type { AgentLimits } from "../limits.js";
import type { Diagnostic } from "../types.js";

/** An agent file found on disk. */
export interface FoundFile {
  /** Path relative to the root, `/`-separated. */
  file: string;
  /** Absolute path. */
  path: string;
}

// Top-level docs of a collection are not agents; inside an agents folder any .md is a candidate.
const IGNORED_TOP_LEVEL = new Set(["readme.md", "changelog.md", "contributing.md", "license.md", "code_of_conduct.md", "security.md"]);
const SKIPPED_DIRS = new Set(["node_modules"]);

/**
 * Finds candidate agent files under `root`, recursively: flat folders, `.claude/agents/*.md`,
 * `plugins/*\/agents/*.md`. Skips `node_modules` and dot-folders other than `.claude`,
 * follows symlinks only while their real path stays inside the root (a link to `/` or to
 * `/proc/self/pagemap` is reported and skipped), never visits a real path twice (so loops
 * end), stops at the depth
 * and file limits with a diagnostic, and reports unreadable folders instead of throwing.
 *
 * @example
 * const { files } = await findAgentFiles("/repo/agents", AGENT_LIMITS);
 * files[0] // { file: "backend-engineer.md", path: "/repo/agents/backend-engineer.md" }
 */
export async function findAgentFiles(
  root: string,
  limits: AgentLimits,
  accept: FileFilter = isAgentCandidate,
): Promise<{ files: FoundFile[]; diagnostics: Diagnostic[] }> {
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const rootReal = await realpath(root).catch(() => root);
  const walk = async (dir: string, depth: number): Promise<void> => {
    const rel = toRelative(root, dir) || ".";
    const real = await realpath(dir).catch(() => undefined);
    if (real === undefined || seen.has(real)) return;
    seen.add(real);
    if (depth > limits.maxDepth) {
      diagnostics.push(makeDiagnostic(rel, 1, "warning", "too-deep", `folder is more than ${limits.maxDepth} levels deep; not searched`, "Point agentroute at the agents folder itself."));
      return;
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      diagnostics.push(makeDiagnostic(rel, 1, "error", "unreadable", `cannot read folder (${err.code ?? err.message})`, "Check the folder's permissions."));
      return [];
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (truncated) return;
      const full = path.join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await linkKind(full, rootReal) : entry.isDirectory() ? "dir" : entry.isFile() ? "file" : "other";
      if (kind === "outside") {
        const target = await realpath(full).catch(() => "?");
        diagnostics.push(makeDiagnostic(toRelative(root, full), 1, "warning", "symlink-outside", `symlink to ${target}, outside the agents folder; not followed`, "Copy the file into the folder, or point agentroute at the folder it lives in."));
        continue;
      }
      if (kind === "dir" && !shouldSkipDir(entry.name)) await walk(full, depth + 1);
      else if (kind === "file" && accept(entry.name, depth)) {
        if (files.length >= limits.maxFiles) truncated = true;
        else files.push({ file: toRelative(root, full), path: full });
      }
    }
  };
  await walk(root, 0);
  if (truncated) {
    diagnostics.push(makeDiagnostic(".", 1, "error", "too-many-files", `more than ${limits.maxFiles} Markdown files; stopped reading`, "Point agentroute at the agents folder, not a whole tree."));
  }
  return { files, diagnostics };
}

function shouldSkipDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || (name.startsWith(".") && name !== ".claude");
}

/** Which files a walk keeps: by file name and depth below the root (0 = the root itself). */
export type FileFilter = (name: string, depth: number) => boolean;

/** Any Markdown file except a collection's top-level docs (README, LICENSE…). */
export function isAgentCandidate(name: string, depth: number): boolean {
  if (!name.toLowerCase().endsWith(".md")) return false;
  return !(depth === 0 && IGNORED_TOP_LEVEL.has(name.toLowerCase()));
}

/** What a symlink leads to; "outside" when its real path leaves the root (never followed). */
async function linkKind(full: string, rootReal: string): Promise<"dir" | "file" | "other" | "outside"> {
  const real = await realpath(full).catch(() => undefined);
  if (real === undefined) return "other";
  if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return "outside";
  const info = await stat(real).catch(() => undefined);
  return info?.isDirectory() ? "dir" : info?.isFile() ? "file" : "other";
}

function toRelative(root: string, full: string): string {
  return path.relative(root, full).split(path.sep).join("/");
}

/** A skill folder's `SKILL.md`, at any depth (`skills/pdf/SKILL.md`). */
export const isSkillFile: FileFilter = (name) => name === SKILL_FILE;

/** A subagent file: Markdown that is not a skill's `SKILL.md`. */
export const isSubagentFile: FileFilter = (name, depth) => name !== SKILL_FILE && isAgentCandidate(name, depth);

/** The file name that makes a folder an Agent Skill. */
export const SKILL_FILE = "SKILL.md";
