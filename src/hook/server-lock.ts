import { open, readFile, readlink, rename, stat, symlink, unlink } from "node:fs/promises";
import path from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { MAX_SOCKET_PATH, askHookServer, hookSocketPath } from "./client.cjs";

/** This build's hook folder (dist/src/hook), where the installed command's entry is. */
const INSTALL_DIR = path.dirname(fileURLToPath(import.meta.url));

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

/**
 * The name of the socket the shell form of the hook (`hook install`) asks with curl: a link,
 * kept by the newest server of this install, to its build's socket. It names the install
 * (where this file is), not the build, so a rebuilt or upgraded agentroute keeps its fast path
 * without a new `hook install`.
 *
 * @example
 * hookAliasName("/opt/agentroute/dist/src/hook") // "hook-3f1c9a0b7d2e.sock"
 */
export function hookAliasName(installDir: string = INSTALL_DIR): string {
  return `hook-${createHash("sha256").update(installDir).digest("hex").slice(0, 12)}.sock`;
}

/** Where the shell form's link to the server goes: beside the sockets, or null where there are none. */
export function hookAliasPath(hookDir: string): string | null {
  const file = path.join(hookDir, hookAliasName());
  return hookSocketPath(hookDir) === null || Buffer.byteLength(file) > MAX_SOCKET_PATH ? null : file;
}
