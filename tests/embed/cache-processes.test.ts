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
import { VectorCache } from "./src/embed/cache.js";
import { hashText } from "./src/embed/cache-file.js";
const [dir, name, rounds] = process.argv.slice(2);
const cache = new VectorCache({ dir, embedderId: "proc@1", dims: 16, warn: (m) => { console.error(m); process.exitCode = 3; } });
await cache.load();
for (let r = 0; r < Number(rounds); r++) {
  cache.set(hashText(name + " " + r), Float32Array.from({ length: 16 }, (_, i) => r + i / 16));
  await cache.flush();
}
`;

beforeAll(async () => {
  // Compile the cache module on its own, so real separate Node processes can run it.
  work = await mkdtemp(path.join(tmpdir(), "agentroute-cache-proc-"));
  const tsc = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
  await run(process.execPath, [tsc, "--outDir", work, "--rootDir", REPO_ROOT, "--module", "nodenext", "--moduleResolution", "nodenext",
    "--target", "es2022", "--skipLibCheck", "--types", "node", path.join(REPO_ROOT, "src/embed/cache.ts")]);
  await writeFile(path.join(work, "package.json"), '{ "type": "module" }');
  await writeFile(path.join(work, "writer.js"), WRITER);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("vector cache shared by separate processes", () => {
  it("stays a valid file while two processes write it at once", async () => {
    const dir = path.join(work, "cache");
    const writers = ["alpha", "beta"].map((name) => run(process.execPath, ["writer.js", dir, name, "40"], { cwd: work }));
    const results = await Promise.all(writers);
    expect(results.map((r) => r.stderr)).toEqual(["", ""]);
    const decoded = decodeCacheFile(await readFile(path.join(dir, cacheFileName("proc@1"))));
    if (typeof decoded === "string") throw new Error(`cache file invalid: ${decoded}`);
    // The last writer's own 40 vectors are always there; the other's are merged when seen in time.
    expect(decoded.vectors.size).toBeGreaterThanOrEqual(40);
    expect((await readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);
});
