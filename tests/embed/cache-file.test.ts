import { describe, expect, it } from "vitest";
import { decodeCacheFile, encodeCacheFile, hashText } from "../../src/embed/cache-file.js";

function sample(count: number, dims: number) {
  const vectors = new Map<string, Float32Array>();
  for (let i = 0; i < count; i++) vectors.set(hashText(`text ${i}`), Float32Array.from({ length: dims }, (_, j) => Math.sin(i * 31 + j) / 3));
  return { embedderId: "test@1", dims, vectors };
}

describe("cache file format", () => {
  it("round-trips vectors bit for bit", () => {
    const contents = sample(50, 7);
    const decoded = decodeCacheFile(encodeCacheFile(contents));
    expect(decoded).toEqual(contents);
  });

  it("writes equal contents to equal bytes, whatever the insertion order", () => {
    const contents = sample(20, 3);
    const shuffled = { ...contents, vectors: new Map([...contents.vectors].reverse()) };
    expect(encodeCacheFile(shuffled).equals(encodeCacheFile(contents))).toBe(true);
  });

  it("round-trips an empty cache", () => {
    expect(decodeCacheFile(encodeCacheFile(sample(0, 4)))).toEqual(sample(0, 4));
  });

  const good = encodeCacheFile(sample(10, 5));
  const flipped = Buffer.from(good);
  flipped[good.length - 3]! ^= 0x01;
  const badMagic = Buffer.from(good);
  badMagic.write("XXXX", 0, "latin1");
  const badVersion = Buffer.from(good);
  badVersion.writeUInt32LE(99, 4);

  it.each([
    { name: "empty file", bytes: Buffer.alloc(0), reason: /bad magic/ },
    { name: "bad magic", bytes: badMagic, reason: /bad magic/ },
    { name: "unknown version", bytes: badVersion, reason: /version 99/ },
    { name: "truncated", bytes: good.subarray(0, good.length - 10), reason: /size/ },
    { name: "extra bytes", bytes: Buffer.concat([good, Buffer.alloc(4)]), reason: /size/ },
    { name: "one flipped bit", bytes: flipped, reason: /checksum/ },
  ])("rejects a file with $name", ({ bytes, reason }) => {
    expect(decodeCacheFile(bytes)).toMatch(reason);
  });

  it("hashes texts to 64 hex characters, distinct per text", () => {
    expect(hashText("a")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashText("a")).not.toBe(hashText("a "));
  });
});
