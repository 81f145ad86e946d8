import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { appendFileSafely, writeFileSafely } from "../util/safe-write.js";

/** What happened to one file `init` touches. */
export type WriteOutcome = "written" | "exists" | "appended" | "present" | "refused";

export interface FileChange {
  /** Path relative to the project folder, `/`-separated. */
  file: string;
  outcome: WriteOutcome;
  /** Why a write was refused (a symlink on the way), for the message. */
  reason?: string;
}

/**
 * The first symlink on the way from `root` to `rel` (root itself is trusted), or null.
 * Writing through a symlink could land outside the project, so `init` refuses it.
 */
async function symlinkOnPath(root: string, rel: string): Promise<string | null> {
  let at = root;
  for (const part of rel.split("/")) {
    at = path.join(at, part);
    const info = await lstat(at).catch(() => null);
    if (info === null) return null;
    if (info.isSymbolicLink()) return path.relative(root, at).split(path.sep).join("/");
  }
  return null;
}

/**
 * Creates `rel` under `root` with `text`, creating folders as needed; never replaces an
 * existing file (outcome "exists") and never writes through a symlink (outcome "refused").
 *
 * @example
 * await writeNewFile("/repo", ".github/workflows/agentroute.yml", yaml) // { file, outcome: "written" }
 */
export async function writeNewFile(root: string, rel: string, text: string): Promise<FileChange> {
  const link = await symlinkOnPath(root, rel);
  if (link !== null) return { file: rel, outcome: "refused", reason: `${link} is a symlink` };
  const written = await writeFileSafely(path.join(root, rel), text, { what: "file", label: rel }, { overwrite: false });
  return { file: rel, outcome: written ? "written" : "exists" };
}

/**
 * Adds `line` to the text file `rel` unless `isPresent` already finds it (creating the file
 * when missing); refuses symlinks like `writeNewFile`.
 *
 * @example
 * await appendLineOnce("/repo", ".gitignore", ".agentroute-cache/", (l) => l === ".agentroute-cache/")
 */
export async function appendLineOnce(
  root: string,
  rel: string,
  line: string,
  isPresent: (existing: string) => boolean,
): Promise<FileChange> {
  const link = await symlinkOnPath(root, rel);
  if (link !== null) return { file: rel, outcome: "refused", reason: `${link} is a symlink` };
  const full = path.join(root, rel);
  const text = await readFile(full, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw err;
  });
  if (text === null) return writeNewFile(root, rel, `${line}\n`);
  if (text.split(/\r?\n/).some((existing) => isPresent(existing.trim()))) return { file: rel, outcome: "present" };
  const separator = text === "" || text.endsWith("\n") ? "" : "\n";
  await appendFileSafely(full, `${separator}${line}\n`, { what: "file", label: rel });
  return { file: rel, outcome: "appended" };
}
