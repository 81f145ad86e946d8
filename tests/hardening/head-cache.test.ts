import { execFile } from "node:child_process";
import { readdir, readFile, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { openRouter } from "../../src/pipeline/open.js";
import { readCheckedFile, writeCheckedFile } from "../../src/util/checked-file.js";
import { REPO_ROOT } from "../helpers/shared.js";
import { scratchDir } from "./seeds.js";

const AGENTS = path.join(REPO_ROOT, "agents");
const PROMPTS = [
  "the login page takes 9 seconds to load",
  "write a migration adding an index on orders.user_id",
  "review this pull request for SQL injection",
];

/** Opens the keyword router on agents/ with `cacheDir`; returns decisions, whether the head came from the cache, and warnings. */
async function openWith(cacheDir: string) {
  const warnings: string[] = [];
  const opened = await openRouter({
    agentsDir: AGENTS,
    cwd: REPO_ROOT,
    embeddings: false,
    cacheDir,
    warn: (m) => warnings.push(m),
  });
  try {
    return { decisions: await opened.router.routeMany(PROMPTS), fromCache: opened.index.head.fromCache, warnings };
  } finally {
    await opened.close();
  }
}

async function headFiles(cacheDir: string): Promise<string[]> {
  const dir = path.join(cacheDir, "heads");
  return (await readdir(dir)).filter((f) => f.endsWith(".bin")).map((f) => path.join(dir, f));
}

/** Replaces a head file's body and signs it as `home`'s user would (a cache planted from elsewhere). */
async function plant(file: string, edit: (body: Buffer) => Buffer, home?: string): Promise<void> {
  const read = await readCheckedFile(file, 2, 1 << 30);
  if (read.body === null) throw new Error("no head to plant over");
  await writeCheckedFile(file, edit(Buffer.from(read.body)), 2, home === undefined ? undefined : { HOME: home });
}

describe("a planted head cache is never trusted (issue 14, case 2)", () => {
  it("a head signed with another user's key (biases changed, checksum recomputed) is retrained with a warning", async () => {
    const cacheDir = await scratchDir();
    const cold = await openWith(cacheDir);
    const [file] = await headFiles(cacheDir);
    await plant(
      file!,
      (body) => {
        for (let i = body.length - 4 * 8; i < body.length; i += 4) body.writeFloatLE(1e6 * (i % 3), i);
        return body;
      },
      await scratchDir(),
    );
    const planted = await openWith(cacheDir);
    expect(planted.fromCache).toBe(false);
    expect(planted.warnings).toEqual([expect.stringContaining("not written by this user")]);
    expect(planted.decisions).toEqual(cold.decisions);
  });

  it.each([
    ["denseDim 5e8", { denseDim: 5e8 }],
    ["a class count that is not the agent count", { classes: 1 }],
    ["a non-numeric scale", { denseScale: "x" }],
  ])("validly signed metadata with %s is refused before any allocation", async (_what, change) => {
    const cacheDir = await scratchDir();
    const cold = await openWith(cacheDir);
    const [file] = await headFiles(cacheDir);
    await plant(file!, (body) => {
      const length = body.readUInt32LE(0);
      const meta = { ...(JSON.parse(body.toString("utf8", 4, 4 + length)) as object), ...change };
      const text = Buffer.from(JSON.stringify(meta));
      const head = Buffer.alloc(4);
      head.writeUInt32LE(text.length);
      return Buffer.concat([head, text, body.subarray(4 + length)]);
    });
    const planted = await openWith(cacheDir);
    expect(planted.fromCache).toBe(false);
    expect(planted.warnings).toEqual([expect.stringMatching(/does not match this agent set|wrong size/)]);
    expect(planted.decisions).toEqual(cold.decisions);
  });
});

describe("the head cache is checked, never trusted when damaged", () => {
  it.each([
    [
      "a flipped byte",
      "checksum mismatch",
      async (file: string) => {
        const bytes = await readFile(file);
        bytes[bytes.length - 7] = bytes[bytes.length - 7]! ^ 0x10;
        await writeFile(file, bytes);
      },
    ],
    [
      "a truncated file",
      "truncated",
      async (file: string) => truncate(file, Math.floor((await readFile(file)).length / 2)),
    ],
    ["a foreign file", "bad header", (file: string) => writeFile(file, "not a cache file at all")],
  ] as const)(
    "%s is detected (%s), the head retrained with a warning and rewritten",
    async (_what, problem, damage) => {
      const cacheDir = await scratchDir();
      const cold = await openWith(cacheDir);
      expect(cold.fromCache).toBe(false);
      const [file] = await headFiles(cacheDir);
      const warm = await openWith(cacheDir);
      expect(warm).toMatchObject({ fromCache: true, warnings: [] });
      expect(warm.decisions).toEqual(cold.decisions);

      await damage(file!);
      const repaired = await openWith(cacheDir);
      expect(repaired.fromCache).toBe(false);
      expect(repaired.warnings).toEqual([expect.stringContaining(problem)]);
      expect(repaired.warnings[0]).toContain("training it again");
      expect(repaired.decisions).toEqual(cold.decisions);
      const after = await openWith(cacheDir);
      expect(after).toMatchObject({ fromCache: true, warnings: [] });
    },
    120_000,
  );

  it("two processes building the same index in one fresh cache folder at once leave a valid head", async () => {
    const cacheDir = await scratchDir();
    const open = pathToFileURL(path.join(REPO_ROOT, "dist/src/pipeline/open.js")).href;
    const script = `const { openRouter } = await import(${JSON.stringify(open)});
      const o = await openRouter({ agentsDir: ${JSON.stringify(AGENTS)}, embeddings: false, cacheDir: ${JSON.stringify(cacheDir)} });
      process.stdout.write(JSON.stringify({ fromCache: o.index.head.fromCache })); await o.close();`;
    const child = () =>
      new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO_ROOT }, (err, stdout, stderr) =>
          err ? reject(new Error(stderr)) : resolve(stdout),
        );
      });
    const results = (await Promise.all([child(), child()])).map((out) => JSON.parse(out) as { fromCache: boolean });
    expect(results.filter((r) => !r.fromCache).length).toBeGreaterThanOrEqual(1);
    // No temporary files left behind, exactly one head, and a third run trusts it.
    expect((await readdir(path.join(cacheDir, "heads"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(await headFiles(cacheDir)).toHaveLength(1);
    const third = await openWith(cacheDir);
    expect(third).toMatchObject({ fromCache: true, warnings: [] });
  }, 120_000);
});
