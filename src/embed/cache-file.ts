import { createHash } from "node:crypto";
import { endianness } from "node:os";
import { crc32 } from "node:zlib";

/**
 * Binary layout of one vector-cache file, an append-only log (integers little-endian):
 *
 *   header: magic "ARVC" | version u32 | dims u32 | idBytes u32 | embedder id (UTF-8) | crc32(header) u32
 *   record: sha256(text) 32 B | dims × float32 | crc32(key + vector) u32      (repeated)
 *
 * New vectors are appended as whole records, so saving costs what was added, not the size
 * of the file, and two processes appending at once both keep their records. Every record
 * carries its own checksum: a flipped bit or a torn last write spoils that record only, and
 * is detected, never trusted.
 */
const MAGIC = "ARVC";
export const CACHE_FORMAT_VERSION = 1;
const FIXED_HEADER_BYTES = 16;
export const KEY_BYTES = 32;

export interface CacheContents {
  embedderId: string;
  dims: number;
  /** Hex sha256 of the text → its vector. */
  vectors: Map<string, Float32Array>;
}

export interface DecodedCache extends CacheContents {
  /** Why some records were dropped (bad checksum, torn tail), or undefined when all are good. */
  damage: string | undefined;
  /** Whether the same key appears more than once (two writers computed the same text). */
  duplicates: number;
}

/** sha256 of a text as 64 hex characters: the record key. */
export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function recordBytes(dims: number): number {
  return KEY_BYTES + dims * 4 + 4;
}

/**
 * The header that starts every cache file.
 *
 * @example
 * encodeCacheHeader("use-lite@0.2.0", 512).length; // 16 + 14 + 4 = 34
 */
export function encodeCacheHeader(embedderId: string, dims: number): Buffer {
  const id = Buffer.from(embedderId, "utf8");
  const header = Buffer.alloc(FIXED_HEADER_BYTES + id.length + 4);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(CACHE_FORMAT_VERSION, 4);
  header.writeUInt32LE(dims, 8);
  header.writeUInt32LE(id.length, 12);
  id.copy(header, FIXED_HEADER_BYTES);
  header.writeUInt32LE(crc32(header.subarray(0, header.length - 4)), header.length - 4);
  return header;
}

/**
 * Records for the given vectors, in the order given.
 *
 * @example
 * encodeCacheRecords([[hashText("hi"), vector]], 512); // 32 + 2048 + 4 bytes
 */
export function encodeCacheRecords(entries: Iterable<readonly [string, Float32Array]>, dims: number): Buffer {
  const list = [...entries];
  const size = recordBytes(dims);
  const out = Buffer.alloc(list.length * size);
  list.forEach(([key, vector], r) => {
    const start = r * size;
    out.write(key, start, "hex");
    writeFloats(out, start + KEY_BYTES, vector, dims);
    out.writeUInt32LE(crc32(out.subarray(start, start + size - 4)), start + size - 4);
  });
  return out;
}

/**
 * A whole file: header plus records in key order, so equal contents give equal bytes.
 *
 * @example
 * const bytes = encodeCacheFile({ embedderId: "use-lite@0.2.0", dims: 512, vectors });
 */
export function encodeCacheFile(contents: CacheContents): Buffer {
  const keys = [...contents.vectors.keys()].sort();
  const records = encodeCacheRecords(
    keys.map((key) => [key, contents.vectors.get(key)!] as const),
    contents.dims,
  );
  return Buffer.concat([encodeCacheHeader(contents.embedderId, contents.dims), records]);
}

/** Parse the header; a string says why the file is not a cache file at all. */
function decodeHeader(file: Buffer): { embedderId: string; dims: number; end: number } | string {
  if (file.length < FIXED_HEADER_BYTES || file.toString("latin1", 0, 4) !== MAGIC)
    return "not a vector cache file (bad magic)";
  const version = file.readUInt32LE(4);
  if (version !== CACHE_FORMAT_VERSION) return `unsupported format version ${version}`;
  const dims = file.readUInt32LE(8);
  const end = FIXED_HEADER_BYTES + file.readUInt32LE(12) + 4;
  if (file.length < end || crc32(file.subarray(0, end - 4)) !== file.readUInt32LE(end - 4))
    return "header checksum mismatch";
  return { embedderId: file.toString("utf8", FIXED_HEADER_BYTES, end - 4), dims, end };
}

/**
 * Parse and verify a cache file. A bad header makes the whole file untrusted (a string says
 * why); bad records are dropped one by one and reported in `damage`.
 *
 * @example
 * const parsed = decodeCacheFile(bytes);
 * if (typeof parsed === "string") warn(parsed); else use(parsed.vectors);
 */
export function decodeCacheFile(file: Buffer): DecodedCache | string {
  const header = decodeHeader(file);
  if (typeof header === "string") return header;
  const { embedderId, dims, end } = header;
  const size = recordBytes(dims);
  // One aligned copy of the body, so vectors are read as Float32Array views, not float by float.
  const body = new Uint8Array(file.subarray(end));
  const whole = Math.floor(body.length / size);
  const vectors = new Map<string, Float32Array>();
  let bad = 0;
  let duplicates = 0;
  for (let r = 0; r < whole; r++) {
    const start = r * size;
    const record = Buffer.from(body.buffer, start, size);
    if (crc32(record.subarray(0, size - 4)) !== record.readUInt32LE(size - 4)) {
      bad++;
      continue;
    }
    const key = record.toString("hex", 0, KEY_BYTES);
    if (vectors.has(key)) duplicates++;
    else vectors.set(key, readFloats(body, start + KEY_BYTES, dims));
  }
  const torn = body.length - whole * size;
  const problems = [
    bad > 0 ? `${bad} of ${whole} records fail their checksum` : "",
    torn > 0 ? `${torn} stray bytes at the end` : "",
  ].filter(Boolean);
  return { embedderId, dims, vectors, duplicates, damage: problems.length > 0 ? problems.join(", ") : undefined };
}

/** Little-endian hosts (every common Node target) copy bytes; others convert float by float. */
const HOST_IS_LE = endianness() === "LE";

function writeFloats(out: Buffer, offset: number, vector: Float32Array, dims: number): void {
  if (vector.length !== dims) throw new RangeError(`vector has ${vector.length} dims, cache holds ${dims}`);
  if (HOST_IS_LE) Buffer.from(vector.buffer, vector.byteOffset, dims * 4).copy(out, offset);
  else for (let i = 0; i < dims; i++) out.writeFloatLE(vector[i]!, offset + 4 * i);
}

function readFloats(body: Uint8Array, start: number, dims: number): Float32Array {
  // Records are 36 + 4·dims bytes from offset 0 of a fresh copy, so `start` is 4-aligned.
  if (HOST_IS_LE) return new Float32Array(body.buffer, start, dims).slice();
  const view = new DataView(body.buffer, start, dims * 4);
  const out = new Float32Array(dims);
  for (let i = 0; i < dims; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
