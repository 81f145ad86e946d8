import { createHmac, timingSafeEqual } from "node:crypto";
import { isAgentRouteError } from "../errors.js";
import { readRegularFile } from "./safe-read.js";
import { writeFileSafely } from "./safe-write.js";
import { cacheSecret } from "./user-cache.js";

/**
 * A file whose body is guarded by an HMAC-SHA256 in its header, keyed with the user's cache
 * secret (see `cacheSecret`), written atomically (temporary file, then rename), so a reader
 * sees the old file or the new one, never a mix, and a damaged or planted file (committed to
 * a repository with a recomputed checksum) is detected instead of trusted.
 *
 *   "ARCK" | version u32 | body length u64 | hmac(body) 32 B | body
 */
const MAGIC = "ARCK";
const HEADER = 4 + 4 + 8 + 32;

async function mac(body: Buffer, version: number, env?: NodeJS.ProcessEnv): Promise<Buffer> {
  return createHmac("sha256", await cacheSecret(env))
    .update(`${MAGIC}:${version}:`)
    .update(body)
    .digest();
}

export async function writeCheckedFile(
  file: string,
  body: Buffer,
  version: number,
  env?: NodeJS.ProcessEnv,
): Promise<void> {
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(version, 4);
  header.writeBigUInt64LE(BigInt(body.length), 8);
  (await mac(body, version, env)).copy(header, 16);
  await writeFileSafely(file, Buffer.concat([header, body]), { what: "cache file" });
}

export type CheckedRead = { body: Buffer } | { body: null; problem: string | null };

/**
 * Reads a checked file of at most `maxBytes` (checked while reading): `problem` is null when
 * the file is simply absent, and says why otherwise (not a regular file, too large, bad header,
 * checksum not made with this user's key).
 */
export async function readCheckedFile(
  file: string,
  version: number,
  maxBytes: number,
  env?: NodeJS.ProcessEnv,
): Promise<CheckedRead> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, maxBytes + HEADER, { what: "cache file", hint: "It is rebuilt." });
  } catch (err) {
    if (isAgentRouteError(err) && err.code === "NOT_FOUND") return { body: null, problem: null };
    return { body: null, problem: `cannot read it (${(err as Error).message})` };
  }
  if (bytes.length < HEADER || bytes.toString("latin1", 0, 4) !== MAGIC)
    return { body: null, problem: "not a cache file (bad header)" };
  if (bytes.readUInt32LE(4) !== version)
    return { body: null, problem: `format version ${bytes.readUInt32LE(4)}, expected ${version}` };
  const length = Number(bytes.readBigUInt64LE(8));
  const body = bytes.subarray(HEADER);
  if (body.length !== length) return { body: null, problem: `truncated (${body.length} of ${length} bytes)` };
  if (!timingSafeEqual(await mac(body, version, env), bytes.subarray(16, HEADER)))
    return { body: null, problem: "checksum mismatch (damaged, or not written by this user)" };
  return { body };
}
