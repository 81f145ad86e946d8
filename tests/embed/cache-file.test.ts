import { describe, expect, it } from "vitest";
import {
  decodeCacheFile,
  encodeCacheFile,
  encodeCacheHeader,
  encodeCacheRecords,
  hashText,
  recordBytes,
} from "../../src/embed/cache-file.js";

function sample(count: number, dims: number) {
  const vectors = new Map<string, Float32Array>();
  for (let i = 0; i < count; i++)
    vectors.set(
      hashText(`text ${i}`),
      Float32Array.from({ length: dims }, (_, j) => Math.sin(i * 31 + j) / 3),
    );
  return { embedderId: "test@1", dims, vectors };
}

const clean = { damage: undefined, duplicates: 0 };

describe("cache file format", () => {
  it("round-trips vectors bit for bit", () => {
    const contents = sample(50, 7);
    expect(decodeCacheFile(encodeCacheFile(contents))).toEqual({ ...contents, ...clean });
  });

  it("writes equal contents to equal bytes, whatever the insertion order", () => {
    const contents = sample(20, 3);
    const shuffled = { ...contents, vectors: new Map([...contents.vectors].reverse()) };
    expect(encodeCacheFile(shuffled).equals(encodeCacheFile(contents))).toBe(true);
  });

  it("round-trips an empty cache", () => {
    expect(decodeCacheFile(encodeCacheFile(sample(0, 4)))).toEqual({ ...sample(0, 4), ...clean });
  });

  it("reads appended records after the first ones, counting repeats once", () => {
    const contents = sample(6, 4);
    const entries = [...contents.vectors];
    const file = Buffer.concat([
      encodeCacheHeader("test@1", 4),
      encodeCacheRecords(entries.slice(0, 4), 4),
      encodeCacheRecords(entries.slice(2), 4),
    ]);
    expect(decodeCacheFile(file)).toEqual({ ...contents, damage: undefined, duplicates: 2 });
  });

  const good = encodeCacheFile(sample(10, 5));
  const header = encodeCacheHeader("test@1", 5).length;
  const flip = (at: number) => {
    const bytes = Buffer.from(good);
    bytes[at]! ^= 0x01;
    return bytes;
  };
  const badVersion = Buffer.from(good);
  badVersion.writeUInt32LE(99, 4);

  it.each([
    { name: "empty file", bytes: Buffer.alloc(0), reason: /bad magic/ },
    { name: "bad magic", bytes: flip(0), reason: /bad magic/ },
    { name: "unknown version", bytes: badVersion, reason: /version 99/ },
    { name: "a flipped bit in the id", bytes: flip(18), reason: /header checksum/ },
    { name: "a truncated header", bytes: good.subarray(0, header - 2), reason: /header checksum/ },
  ])("distrusts the whole file with $name", ({ bytes, reason }) => {
    expect(decodeCacheFile(bytes)).toMatch(reason);
  });

  it.each([
    {
      name: "a flipped bit in record 3",
      bytes: flip(header + 3 * recordBytes(5) + 40),
      kept: 9,
      damage: "1 of 10 records fail their checksum",
    },
    {
      name: "a torn last record",
      bytes: good.subarray(0, good.length - 10),
      kept: 9,
      damage: `${recordBytes(5) - 10} stray bytes at the end`,
    },
    {
      name: "extra bytes",
      bytes: Buffer.concat([good, Buffer.alloc(4)]),
      kept: 10,
      damage: "4 stray bytes at the end",
    },
  ])("drops only the bad records with $name, and says so", ({ bytes, kept, damage }) => {
    const decoded = decodeCacheFile(bytes);
    if (typeof decoded === "string") throw new Error(decoded);
    expect(decoded.damage).toBe(damage);
    expect(decoded.vectors.size).toBe(kept);
    for (const [key, vector] of decoded.vectors) expect(vector).toEqual(sample(10, 5).vectors.get(key));
  });

  it("hashes texts to 64 hex characters, distinct per text", () => {
    expect(hashText("a")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashText("a")).not.toBe(hashText("a "));
  });
});
