import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * The user's cache folder for agentroute: `$XDG_CACHE_HOME/agentroute`, else
 * `~/.cache/agentroute`. Caches live here, never in the repository being read, so a pull
 * request cannot plant one.
 *
 * @example
 * userCacheDir({ HOME: "/home/me" }) // "/home/me/.cache/agentroute"
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "agentroute");
  return path.join(env.HOME || os.homedir(), ".cache", "agentroute");
}

const SECRET_BYTES = 32;
const secrets = new Map<string, Promise<Buffer>>();

/**
 * The per-user secret that keys cache checksums (HMAC), kept in the user's cache folder with
 * mode 0600 and made on first use. A cache file written elsewhere (committed to a repository)
 * cannot carry a valid checksum, so it is rebuilt instead of trusted.
 *
 * @example
 * const key = await cacheSecret(); // 32 random bytes, the same on every call for this user
 */
export function cacheSecret(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const file = path.join(userCacheDir(env), "secret");
  let secret = secrets.get(file);
  if (secret === undefined) {
    secret = loadOrCreateSecret(file);
    secrets.set(file, secret);
  }
  return secret;
}

async function loadOrCreateSecret(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const fresh = randomBytes(SECRET_BYTES);
  try {
    const handle = await open(
      file,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
    try {
      await handle.writeFile(fresh);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    const bytes = Buffer.alloc(SECRET_BYTES);
    const { bytesRead } = info.isFile() ? await handle.read(bytes, 0, SECRET_BYTES, 0) : { bytesRead: 0 };
    // A racing creator may not have written yet: a short secret this once keys nothing durable.
    return bytesRead === SECRET_BYTES ? bytes : fresh;
  } finally {
    await handle.close();
  }
}
