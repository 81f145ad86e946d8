import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, link, lstat, mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { AgentRouteError } from "../errors.js";

const WRITE_CHUNK = 1024 * 1024;

/** What a writer tells the user when a file cannot be written. */
export interface WriteWhat {
  /** What the file is, for messages: "report", "settings file". */
  what: string;
  /** How messages name the file; default the path. */
  label?: string;
}

/**
 * Refuses a destination that is a symlink (a planted `reports/report.md -> ~/.bashrc` must
 * not redirect the write) or anything but a regular file, and one the user made read-only.
 */
export async function checkWritableDestination(file: string, what: WriteWhat): Promise<{ mode: number } | null> {
  const label = what.label ?? file;
  const info = await lstat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw writeError(label, what, err);
  });
  if (info === null) return null;
  if (info.isSymbolicLink()) {
    throw new AgentRouteError(
      "IO",
      `${label}: the ${what.what} is a symlink; agentroute does not write through symlinks`,
      {
        hint: "Remove the symlink (or write somewhere else); a link in the output path could redirect the write to another file.",
        file: label,
      },
    );
  }
  if (!info.isFile()) {
    throw new AgentRouteError("IO", `${label}: exists and is not a regular file`, {
      hint: "Remove it or choose another path.",
      file: label,
    });
  }
  // No write bit for anyone is a deliberate read-only file, even for root (who may write anyway).
  const readOnly = (info.mode & 0o222) === 0 ? Object.assign(new Error("read-only"), { code: "EACCES" }) : null;
  await (readOnly ? Promise.reject(readOnly) : access(file, constants.W_OK)).catch((err: NodeJS.ErrnoException) => {
    throw writeError(label, what, err);
  });
  return { mode: info.mode & 0o7777 };
}

/** A file being written through a temporary file: `commit` renames it into place, `abort` removes it. */
export interface SafeWriter {
  write(chunk: string | Uint8Array): Promise<void>;
  /** False when `overwrite: false` and the file exists (nothing is written), else true. */
  commit(): Promise<boolean>;
  abort(): Promise<void>;
}

export interface SafeWriteOptions {
  /** Permissions of a new file (an existing file keeps its own); default 0o644. */
  mode?: number;
  /** False: never replace an existing file; commit returns false when one exists (default true). */
  overwrite?: boolean;
}

/**
 * Opens a streamed write of `file` that is atomic and never goes through a symlink: a
 * temporary file in the same folder (O_EXCL|O_NOFOLLOW), fsync, then rename over the
 * destination. A full disk or a crash leaves the old file whole; an existing file keeps its
 * permissions. Large outputs are written chunk by chunk, never held as one string. With
 * `overwrite: false` the temporary file is hard-linked into place instead, which fails on any
 * existing entry (a symlink created meanwhile included): the file is written only if new.
 *
 * @throws AgentRouteError IO naming the file when it is a symlink, read-only or cannot be written.
 * @example
 * const out = await openSafeWriter("dispatch.jsonl", { what: "dispatch log" });
 * for (const line of lines) await out.write(line);
 * await out.commit();
 */
export async function openSafeWriter(
  file: string,
  what: WriteWhat,
  options: SafeWriteOptions = {},
): Promise<SafeWriter> {
  const label = what.label ?? file;
  const overwrite = options.overwrite ?? true;
  await mkdir(path.dirname(file), { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw writeError(label, what, err);
  });
  const existing = overwrite ? await checkWritableDestination(file, what) : null;
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(temp, flags, existing?.mode ?? options.mode ?? 0o644).catch(
    (err: NodeJS.ErrnoException) => {
      throw writeError(label, what, err);
    },
  );
  let closed = false;
  const abort = async (): Promise<void> => {
    if (!closed) await handle.close().catch(() => undefined);
    closed = true;
    await rm(temp, { force: true });
  };
  const guard = async (step: () => Promise<unknown>): Promise<void> => {
    try {
      await step();
    } catch (err) {
      await abort();
      throw writeError(label, what, err as NodeJS.ErrnoException);
    }
  };
  // Small writes (one JSON line each) are gathered into 1 MiB writes.
  let pending: (string | Uint8Array)[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const data = pending.every((c) => typeof c === "string")
      ? pending.join("")
      : Buffer.concat(pending.map((c) => (typeof c === "string" ? Buffer.from(c) : c)));
    pending = [];
    pendingBytes = 0;
    await handle.writeFile(data);
  };
  return {
    write: (chunk) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      return pendingBytes >= WRITE_CHUNK ? guard(flush) : Promise.resolve();
    },
    commit: async () => {
      await guard(async () => {
        await flush();
        await handle.sync();
        await handle.close();
        closed = true;
      });
      if (overwrite) return guard(() => rename(temp, file)).then(() => true);
      return linkNew(temp, file).then(
        (isNew) => isNew,
        (err: NodeJS.ErrnoException) => {
          throw writeError(label, what, err);
        },
      );
    },
    abort,
  };
}

/** Hard-links `temp` to `file` unless `file` exists (false), then removes `temp` either way. */
async function linkNew(temp: string, file: string): Promise<boolean> {
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Writes `data` to `file` through `openSafeWriter`: atomic, never through a symlink. Returns
 * false when `overwrite: false` found the file there (it is left as it was).
 *
 * @example
 * await writeFileSafely("reports/report.md", markdown, { what: "report" });
 * await writeFileSafely("agentroute/routing.csv", csv, { what: "dataset" }, { overwrite: false }); // false if it exists
 */
export async function writeFileSafely(
  file: string,
  data: string | Uint8Array,
  what: WriteWhat,
  options: SafeWriteOptions = {},
): Promise<boolean> {
  const out = await openSafeWriter(file, what, options);
  await out.write(data);
  return out.commit();
}

/**
 * Appends to a log file without following a symlink at its name (O_APPEND|O_NOFOLLOW).
 *
 * @example
 * await appendFileSafely("~/.claude/agentroute/hook.log", line + "\n", { what: "hook log" });
 */
export async function appendFileSafely(file: string, data: string, what: WriteWhat): Promise<void> {
  const label = what.label ?? file;
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(
    file,
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
    0o600,
  ).catch((err: NodeJS.ErrnoException) => {
    throw writeError(label, what, err);
  });
  try {
    await handle.write(data);
  } finally {
    await handle.close();
  }
}

function writeError(label: string, what: WriteWhat, err: NodeJS.ErrnoException): AgentRouteError {
  if (err instanceof AgentRouteError) return err;
  const why =
    err.code === "ELOOP"
      ? "it is a symlink"
      : err.code === "EACCES" || err.code === "EPERM" || err.code === "EROFS"
        ? "no permission to write it (read-only?)"
        : err.code === "ENOSPC"
          ? "the disk is full"
          : (err.code ?? err.message);
  return new AgentRouteError("IO", `${label}: cannot write the ${what.what} (${why})`, {
    hint: "Check the path and its permissions; the old file, if any, is left as it was.",
    file: label,
    cause: err,
  });
}
