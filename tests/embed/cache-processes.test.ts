import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCacheFile } from "../../src/embed/cache-file.js";
import { cacheFileName } from "../../src/embed/cache.js";
import { REPO_ROOT } from "../helpers/shared.js";

const run = promisify(execFile);
let work: string;

/** A writer process: opens the cache, adds `rounds` vectors one flush at a time. */
const WRITER = `
import { VectorCache } from "./src/embed/vector-cache.js";
import { hashText } from "./src/embed/cache-file.js";
const [dir, name, rounds, startAt] = process.argv.slice(2);
const cache = new VectorCache({ dir, embedderId: "proc@1", dims: 16, warn: (m) => { console.error(m); process.exitCode = 3; } });
await cache.load();
// Both writers wait for the same wall-clock moment, so their writes really interleave.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const started = performance.timeOrigin + performance.now();
for (let r = 0; r < Number(rounds); r++) {
  cache.set(hashText(name + " " + r), Float32Array.from({ length: 16 }, (_, i) => r + i / 16));
  await cache.flush();
}
console.log(JSON.stringify([started, performance.timeOrigin + performance.now()]));
`;

beforeAll(async () => {
  // Compile the cache module on its own, so real separate Node processes can run it.
  work = await mkdtemp(path.join(tmpdir(), "agentroute-cache-proc-"));
  const tsc = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
  await run(process.execPath, [
    tsc,
    "--outDir",
    work,
    "--rootDir",
    REPO_ROOT,
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
    "--target",
    "es2022",
    "--skipLibCheck",
    "--types",
    "node",
    path.join(REPO_ROOT, "src/embed/vector-cache.ts"),
  ]);
  await writeFile(path.join(work, "package.json"), '{ "type": "module" }');
  await writeFile(path.join(work, "writer.js"), WRITER);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("vector cache shared by separate processes", () => {
  it("keeps both processes' vectors in a valid file when they write it at once", async () => {
    const dir = path.join(work, "cache");
    const startAt = String(Date.now() + 1500);
    const writers = ["alpha", "beta"].map((name) =>
      run(process.execPath, ["writer.js", dir, name, "150", startAt], { cwd: work }),
    );
    const results = await Promise.all(writers);
    expect(results.map((r) => r.stderr)).toEqual(["", ""]);
    // The test means something only if the two writing spans overlapped.
    const spans = results.map((r) => JSON.parse(r.stdout) as [number, number]);
    expect(Math.max(spans[0]![0], spans[1]![0])).toBeLessThan(Math.min(spans[0]![1], spans[1]![1]));
    const decoded = decodeCacheFile(await readFile(path.join(dir, cacheFileName("proc@1"))));
    if (typeof decoded === "string") throw new Error(`cache file invalid: ${decoded}`);
    // Appends never overwrite: both processes' vectors are all there.
    expect(decoded.vectors.size).toBe(300);
    expect(decoded.damage).toBeUndefined();
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
