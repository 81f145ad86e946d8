import { createHash } from "node:crypto";
import { endianness } from "node:os";

/**
 * Binary layout of one vector-cache file (all integers little-endian):
 *
 *   magic "ARVC" | version u32 | dims u32 | count u32 | idBytes u32 | sha256(rest) 32 B
 *   | embedder id (UTF-8, idBytes) | count × (sha256(text) 32 B | dims × float32)
 *
 * The checksum covers everything after it, so a truncated, padded or bit-flipped file is
 * detected and never trusted.
 */
const MAGIC = "ARVC";
export const CACHE_FORMAT_VERSION = 1;
const HEADER_BYTES = 4 + 4 * 4 + 32;
export const KEY_BYTES = 32;

export interface CacheContents {
  embedderId: string;
  dims: number;
  /** Hex sha256 of the text → its vector. */
  vectors: Map<string, Float32Array>;
}

/** sha256 of a text as 64 hex characters: the record key. */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Serialise a cache to bytes. Records are written in key order, so equal contents give equal files.
 *
 * @example
 * const bytes = encodeCacheFile({ embedderId: "use-lite@0.2.0", dims: 512, vectors });
 */
export function encodeCacheFile(contents: CacheContents): Buffer {
  const id = Buffer.from(contents.embedderId, "utf8");
  const recordBytes = KEY_BYTES + contents.dims * 4;
  const keys = [...contents.vectors.keys()].sort();
  const file = Buffer.alloc(HEADER_BYTES + id.length + keys.length * recordBytes);
  file.write(MAGIC, 0, "latin1");
  file.writeUInt32LE(CACHE_FORMAT_VERSION, 4);
  file.writeUInt32LE(contents.dims, 8);
  file.writeUInt32LE(keys.length, 12);
  file.writeUInt32LE(id.length, 16);
  id.copy(file, HEADER_BYTES);
  let offset = HEADER_BYTES + id.length;
  for (const key of keys) {
    file.write(key, offset, "hex");
    const vector = contents.vectors.get(key)!;
    writeFloats(file, offset + KEY_BYTES, vector, contents.dims);
    offset += recordBytes;
  }
  createHash("sha256").update(file.subarray(HEADER_BYTES)).digest().copy(file, HEADER_BYTES - 32);
  return file;
}

/**
 * Parse and verify a cache file. Returns the reason it cannot be trusted instead of throwing,
 * because a bad cache is rebuilt, not reported as a user error.
 *
 * @example
 * const parsed = decodeCacheFile(bytes);
 * if (typeof parsed === "string") warn(parsed); else use(parsed.vectors);
 */
export function decodeCacheFile(file: Buffer): CacheContents | string {
  if (file.length < HEADER_BYTES || file.toString("latin1", 0, 4) !== MAGIC) return "not a vector cache file (bad magic)";
  const version = file.readUInt32LE(4);
  if (version !== CACHE_FORMAT_VERSION) return `unsupported format version ${version}`;
  const dims = file.readUInt32LE(8);
  const count = file.readUInt32LE(12);
  const idBytes = file.readUInt32LE(16);
  const recordBytes = KEY_BYTES + dims * 4;
  const expected = HEADER_BYTES + idBytes + count * recordBytes;
  if (file.length !== expected) return `size ${file.length} bytes, header says ${expected}`;
  const checksum = createHash("sha256").update(file.subarray(HEADER_BYTES)).digest();
  if (!checksum.equals(file.subarray(HEADER_BYTES - 32, HEADER_BYTES))) return "checksum mismatch";
  const embedderId = file.toString("utf8", HEADER_BYTES, HEADER_BYTES + idBytes);
  // One aligned copy of the body, so each vector is a Float32Array view with no per-float parsing.
  const bodyStart = HEADER_BYTES + idBytes;
  const body = new Uint8Array(file.subarray(bodyStart));
  const vectors = new Map<string, Float32Array>();
  for (let r = 0; r < count; r++) {
    const start = r * recordBytes;
    const key = Buffer.from(body.buffer, start, KEY_BYTES).toString("hex");
    vectors.set(key, readFloats(body, start + KEY_BYTES, dims));
  }
  return { embedderId, dims, vectors };
}

/** Little-endian hosts (every common Node target) copy bytes; others convert float by float. */
const HOST_IS_LE = endianness() === "LE";

function writeFloats(file: Buffer, offset: number, vector: Float32Array, dims: number): void {
  if (vector.length !== dims) throw new RangeError(`vector has ${vector.length} dims, cache holds ${dims}`);
  if (HOST_IS_LE) Buffer.from(vector.buffer, vector.byteOffset, dims * 4).copy(file, offset);
  else for (let i = 0; i < dims; i++) file.writeFloatLE(vector[i]!, offset + 4 * i);
}

function readFloats(body: Uint8Array, start: number, dims: number): Float32Array {
  // Records are 32 + 4·dims bytes from offset 0 of a fresh copy, so `start` is 4-aligned.
  if (HOST_IS_LE) return new Float32Array(body.buffer, start, dims).slice();
  const view = new DataView(body.buffer, start, dims * 4);
  const out = new Float32Array(dims);
  for (let i = 0; i < dims; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
