import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A file whose body is guarded by a sha256 in its header, written atomically
 * (temporary file, then rename), so a reader sees the old file or the new one, never a mix,
 * and a damaged file is detected instead of trusted.
 *
 *   "ARCF" | version u32 | body length u64 | sha256(body) 32 B | body
 */
const MAGIC = "ARCF";
const HEADER = 4 + 4 + 8 + 32;

export async function writeCheckedFile(file: string, body: Buffer, version: number): Promise<void> {
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(version, 4);
  header.writeBigUInt64LE(BigInt(body.length), 8);
  createHash("sha256").update(body).digest().copy(header, 16);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, Buffer.concat([header, body]));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export type CheckedRead = { body: Buffer } | { body: null; problem: string | null };

/** Reads a checked file: `problem` is null when the file is simply absent. */
export async function readCheckedFile(file: string, version: number): Promise<CheckedRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { body: null, problem: null };
    return { body: null, problem: `cannot read it (${(err as Error).message})` };
  }
  if (bytes.length < HEADER || bytes.toString("latin1", 0, 4) !== MAGIC)
    return { body: null, problem: "not a cache file (bad header)" };
  if (bytes.readUInt32LE(4) !== version)
    return { body: null, problem: `format version ${bytes.readUInt32LE(4)}, expected ${version}` };
  const length = Number(bytes.readBigUInt64LE(8));
  const body = bytes.subarray(HEADER);
  if (body.length !== length) return { body: null, problem: `truncated (${body.length} of ${length} bytes)` };
  if (!createHash("sha256").update(body).digest().equals(bytes.subarray(16, HEADER)))
    return { body: null, problem: "checksum mismatch" };
  return { body };
}
