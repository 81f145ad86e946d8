import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readDispatchLog } from "../src/transcripts/transcripts.js";
import { readDataset } from "../src/inputs/dataset.js";
import { encodeCacheFile, hashText } from "../src/embed/cache-file.js";
import { evaluateAgents } from "../src/eval/evaluate.js";
import { parseAgentFile } from "../src/agents/parse/parse.js";
import { resolveConfig } from "../src/classify/config.js";
import { writeCheckedFile } from "../src/util/checked-file.js";

/** Real inputs every fuzz target starts from, and the agent names datasets are checked against. */
export interface FuzzSeeds {
  agentFiles: Buffer[];
  csvDatasets: Buffer[];
  jsonlDatasets: Buffer[];
  transcripts: Buffer[];
  dispatchLogs: Buffer[];
  hookInputs: Buffer[];
  configs: Buffer[];
  reports: Buffer[];
  promptFiles: Buffer[];
  vectorCaches: Buffer[];
  /** A checked cache file (the head cache format) and the body it guards. */
  headCache: Buffer;
  headCacheBody: Buffer;
  agentNames: string[];
  /** Where the real files came from, for the runner's header. */
  sources: string[];
}

/** The repository root, found from this file (fuzz/ or dist/fuzz/). */
export function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

const MAX_SEED_BYTES = 64 * 1024;

async function listFiles(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** First `maxLines` lines of a file (keeps seeds small: cost per case follows the input size). */
async function head(file: string, maxLines: number): Promise<Buffer> {
  const text = await readFile(file, "utf8");
  return Buffer.from(text.split("\n").slice(0, maxLines).join("\n").replace(/\n*$/, "\n"), "utf8");
}

/**
 * Loads seeds from the repository (agents/, datasets/) and, when present, the read-only real
 * data in `sharedDir` (agent sets, BANKING77's first 200 lines, Claude Code transcripts).
 * Derived seeds (JSONL datasets, hook input, dispatch logs, a report, a vector cache) are
 * built from those real files with the library itself.
 *
 * @example
 * const seeds = await loadSeeds("/work/shared");
 * seeds.agentFiles.length // ≈ 320
 */
export async function loadSeeds(sharedDir: string | null): Promise<FuzzSeeds> {
  const root = findRepoRoot();
  const shared = sharedDir !== null && existsSync(path.join(sharedDir, "agent-sets")) ? sharedDir : null;
  // datasets/ holds agent sets of its own (datasets/assistant-intents/agents) beside the CSVs that name them.
  const agentPaths = [
    ...(await listFiles(path.join(root, "agents"), ".md")),
    ...(await listFiles(path.join(root, "datasets"), ".md")),
    ...(shared ? await listFiles(path.join(shared, "agent-sets"), ".md") : []),
  ].filter((f) => !/(README|LICENSES)\.md$/.test(f));
  const agentFiles = (await Promise.all(agentPaths.map((f) => readFile(f)))).filter((b) => b.length <= MAX_SEED_BYTES);
  const csvPaths = await listFiles(path.join(root, "datasets"), ".csv");
  const csvDatasets = await Promise.all(csvPaths.map((f) => head(f, 120)));
  if (shared) csvDatasets.push(await head(path.join(shared, "datasets/banking77-test.csv"), 200));
  const transcripts = shared
    ? await Promise.all((await listFiles(path.join(shared, "transcripts"), ".jsonl")).map((f) => head(f, 60)))
    : [];
  const log = shared ? await readDispatchLog([path.join(shared, "transcripts")]) : { records: [] };
  const example = await evaluateAgents({
    agentsDir: path.join(root, "agents"),
    dataset: path.join(root, "datasets/example.csv"),
    embeddings: false,
    cacheDir: null,
    cwd: root,
    warn: () => {},
  });
  const agentNames = [
    ...new Set(agentFiles.flatMap((bytes) => parseAgentFile(bytes.toString("utf8"), "seed.md").agent?.name ?? [])),
  ].sort();
  const rows = example.cases.slice(0, 40);
  const report = { ...example, cases: rows };
  const headCacheBody = Buffer.from(JSON.stringify(report.summary));
  return {
    agentFiles,
    // Without ../shared, the datasets that label agents of the shared sets are not valid seeds.
    csvDatasets: shared ? csvDatasets : await validFor(csvDatasets, agentNames),
    jsonlDatasets: [toJsonl(rows.map((c) => ({ prompt: c.prompt, expected: c.expected, tags: c.tags })))],
    transcripts:
      transcripts.length > 0
        ? transcripts
        : [toJsonl([{ type: "user", sessionId: "s", uuid: "u", message: { content: "fix the build" } }])],
    dispatchLogs: [
      toJsonl(
        log.records.length > 0
          ? log.records
          : rows.map((c) => ({ prompt: c.prompt, dispatched: c.expected, session: "s" })),
      ),
    ],
    hookInputs: rows.slice(0, 10).map((c) =>
      Buffer.from(
        JSON.stringify({
          hook_event_name: "UserPromptSubmit",
          prompt: c.prompt,
          cwd: "/repo",
          session_id: "s1",
          transcript_path: "/t.jsonl",
        }),
      ),
    ),
    configs: [
      Buffer.from(JSON.stringify(resolveConfig({}), null, 2)),
      Buffer.from('{"threshold": 0.4, "agentThresholds": {"debugger": 0.6}, "topK": 3}'),
    ],
    reports: [Buffer.from(JSON.stringify(report, null, 2))],
    promptFiles: [Buffer.from(rows.map((c) => c.prompt).join("\n") + "\n"), ...csvDatasets.slice(0, 1)],
    vectorCaches: [
      encodeCacheFile({
        embedderId: "fuzz@1",
        dims: 8,
        vectors: new Map(
          rows
            .slice(0, 6)
            .map((c, i) => [hashText(c.prompt), Float32Array.from({ length: 8 }, (_, k) => Math.sin(i + k))]),
        ),
      }),
    ],
    headCache: await checkedFileBytes(headCacheBody),
    headCacheBody,
    agentNames,
    sources: [
      path.join(root, "agents"),
      path.join(root, "datasets"),
      ...(shared
        ? [
            path.join(shared, "agent-sets"),
            path.join(shared, "datasets/banking77-test.csv"),
            path.join(shared, "transcripts"),
          ]
        : []),
    ],
  };
}

function toJsonl(items: readonly unknown[]): Buffer {
  return Buffer.from(items.map((item) => JSON.stringify(item)).join("\n") + "\n", "utf8");
}

/** The bytes `writeCheckedFile` produces for `body` (written to a scratch folder, read back). */
async function checkedFileBytes(body: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "agentroute-fuzz-seed-"));
  try {
    await writeCheckedFile(path.join(dir, "head.bin"), body, 1);
    return await readFile(path.join(dir, "head.bin"));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The CSV datasets whose every label names one of `agentNames` (or none). */
async function validFor(datasets: Buffer[], agentNames: readonly string[]): Promise<Buffer[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "agentroute-seeds-"));
  try {
    const fits = await Promise.all(
      datasets.map(async (bytes, i) => {
        const file = path.join(dir, `${i}.csv`);
        await writeFile(file, bytes);
        return readDataset(file, { agentNames }).then(
          () => true,
          () => false,
        );
      }),
    );
    return datasets.filter((_, i) => fits[i]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
