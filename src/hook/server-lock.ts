import { open, readFile, readlink, rename, stat, symlink, unlink } from "node:fs/promises";
import path from "node:path";
import { askHookServer } from "./client.cjs";

/** A lock younger than this belongs to a server that may still be starting. */
const STARTING_MS = 60_000;

/**
 * One server per socket: the lock file `<socket>.lock` holds the pid of the server that owns
 * the socket. Returns a release function, or null when a live server (or one starting) has it.
 * A lock whose process is gone, or whose old server no longer answers, is taken over.
 */
export async function acquireServerLock(socketPath: string): Promise<(() => Promise<void>) | null> {
  const lockPath = `${socketPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        if ((await readFile(lockPath, "utf8").catch(() => "")) === String(process.pid))
          await unlink(lockPath).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (await lockIsLive(lockPath, socketPath)) return null;
      await unlink(lockPath).catch(() => undefined);
    }
  }
  return null;
}

async function lockIsLive(lockPath: string, socketPath: string): Promise<boolean> {
  const pid = Number(await readFile(lockPath, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  const age = Date.now() - ((await stat(lockPath).catch(() => null))?.mtimeMs ?? 0);
  if (age < STARTING_MS) return true;
  // An old lock with a live pid: a server that answers (or is busy), or a reused pid.
  return (await askHookServer(socketPath, { op: "ping" }, 2000)).status !== "absent";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Points the link `alias` at this server's socket: a new link renamed over the old one, so a
 * client never finds the name missing, and the newest server of an install takes the name.
 */
export async function pointAlias(alias: string, socketPath: string): Promise<void> {
  const temp = `${alias}.${process.pid}.tmp`;
  await unlink(temp).catch(() => undefined);
  await symlink(path.relative(path.dirname(alias), socketPath), temp);
  await rename(temp, alias);
}

/** Removes the link if it still points at this server's socket (a newer server may own it now). */
export async function releaseAlias(alias: string, socketPath: string): Promise<void> {
  if ((await readlink(alias).catch(() => null)) === path.relative(path.dirname(alias), socketPath))
    await unlink(alias).catch(() => undefined);
}
