import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { decodeAgentBytes } from "../src/agents/load/decode.js";
import { AGENT_LIMITS } from "../src/agents/limits.js";
import { parseAgentFile } from "../src/agents/parse/parse.js";
import { readConfigFile } from "../src/classify/config.js";
import { parsePromptsText } from "../src/inputs/prompts-file.js";
import { readDispatchDataset } from "../src/transcripts/dispatch-eval.js";
import { parseHookInput } from "../src/hook/input.js";
import { readDispatchLog } from "../src/transcripts/transcripts.js";
import { decodeCacheFile } from "../src/embed/cache-file.js";
import { readDataset } from "../src/inputs/dataset.js";
import { readReport } from "../src/eval/report-schema.js";
import { readCheckedFile } from "../src/util/checked-file.js";
import { installHook, uninstallHook } from "../src/hook/settings.js";
import type { FuzzSeeds } from "./seeds.js";

/** What a reader may rely on while fuzzed: a scratch folder and the seeds. */
export interface FuzzContext {
  dir: string;
  seeds: FuzzSeeds;
}

/**
 * One reader under fuzz. `read` feeds it one input and throws `FuzzViolation` when a result
 * breaks an invariant (a line outside the file, a damaged cache trusted). Any other throw is
 * judged by the runner: only AgentRouteError with a code (naming the file when `locates`) passes.
 */
export interface FuzzTarget {
  name: string;
  seeds(seeds: FuzzSeeds): Buffer[];
  read(input: Buffer, ctx: FuzzContext): Promise<void>;
  /** The reader reports problems as data and must never throw, not even AgentRouteError. */
  total?: boolean;
  /** Its AgentRouteErrors must name the file. */
  locates?: boolean;
}

/** An invariant a reader broke on some input (as opposed to an exception it threw). */
export class FuzzViolation extends Error {}

/** Lines in a text as an editor counts them (CRLF, CR and LF each end a line). */
export function countLines(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function checkLine(line: number | undefined, lines: number, what: string): void {
  if (line === undefined) return;
  if (!Number.isInteger(line) || line < 1 || line > lines)
    throw new FuzzViolation(`${what} reports line ${line}, outside 1..${lines}`);
}

async function writeCase(ctx: FuzzContext, name: string, input: Buffer): Promise<string> {
  const file = path.join(ctx.dir, name);
  await writeFile(file, input);
  return file;
}

const agentFile: FuzzTarget = {
  name: "agent file",
  seeds: (s) => s.agentFiles,
  total: true,
  async read(input) {
    const decoded = decodeAgentBytes(input, "fuzz.md", AGENT_LIMITS.maxFileBytes);
    const lines = countLines(input.toString("utf8"));
    if (decoded.diagnostic) return checkLine(decoded.diagnostic.line, lines, "decode diagnostic");
    const { agent, diagnostics } = parseAgentFile(decoded.text, "fuzz.md");
    const cues = agent
      ? [
          ...agent.triggers,
          ...agent.mustBeUsed,
          ...agent.proactive,
          ...agent.engage,
          ...agent.notEngage,
          ...agent.capabilities,
          ...agent.examples,
        ]
      : [];
    for (const item of [...diagnostics, ...cues]) checkLine(item.line, lines, "agent cue or diagnostic");
  },
};

function datasetTarget(name: string, ext: string, seeds: (s: FuzzSeeds) => Buffer[]): FuzzTarget {
  return {
    name,
    seeds,
    locates: true,
    async read(input, ctx) {
      const file = await writeCase(ctx, `case${ext}`, input);
      const lines = countLines(input.toString("utf8"));
      const dataset = await readDataset(file, { agentNames: ctx.seeds.agentNames, label: `case${ext}` });
      for (const row of dataset.rows) checkLine(row.line, lines, "dataset row");
      for (const row of dataset.skipped) checkLine(row.line, lines, "skipped row");
    },
  };
}

const config: FuzzTarget = {
  name: "router config",
  seeds: (s) => s.configs,
  locates: true,
  async read(input, ctx) {
    await readConfigFile(await writeCase(ctx, "agentroute.config.json", input));
  },
};

const report: FuzzTarget = {
  name: "baseline report",
  seeds: (s) => s.reports,
  locates: true,
  async read(input, ctx) {
    await readReport(await writeCase(ctx, "baseline.json", input));
  },
};

const prompts: FuzzTarget = {
  name: "batch prompts",
  seeds: (s) => s.promptFiles,
  locates: true,
  async read(input) {
    const text = input.toString("utf8");
    for (const file of ["prompts.txt", "prompts.csv", "prompts.jsonl"]) parsePromptsText(text, file);
  },
};

const transcripts: FuzzTarget = {
  name: "transcript",
  seeds: (s) => s.transcripts,
  total: true,
  async read(input, ctx) {
    const file = await writeCase(ctx, "session.jsonl", input);
    const { records, stats } = await readDispatchLog([file], { maxLineBytes: 64 * 1024 });
    const lines = input.length === 0 ? 1 : input.toString("latin1").split("\n").length;
    for (const r of records) checkLine(r.line, lines, "dispatch record");
    for (const p of stats.problems) checkLine(p.line, lines, "transcript problem");
  },
};

const dispatchLog: FuzzTarget = {
  name: "dispatch log",
  seeds: (s) => s.dispatchLogs,
  locates: true,
  async read(input, ctx) {
    const file = await writeCase(ctx, "dispatch.jsonl", input);
    const { dataset } = await readDispatchDataset(file, { agentNames: ctx.seeds.agentNames });
    for (const row of dataset.rows) checkLine(row.line, countLines(input.toString("utf8")), "dispatch row");
  },
};

const hookInput: FuzzTarget = {
  name: "hook input",
  seeds: (s) => s.hookInputs,
  async read(input) {
    parseHookInput(input.toString("utf8"));
  },
};

const vectorCache: FuzzTarget = {
  name: "vector cache",
  seeds: (s) => s.vectorCaches,
  total: true,
  async read(input, ctx) {
    const decoded = decodeCacheFile(input);
    if (typeof decoded === "string") return;
    const original = decodeCacheFile(ctx.seeds.vectorCaches[0]!);
    if (typeof original === "string") throw new FuzzViolation("the seed cache does not decode");
    // A vector is trusted only when it is byte for byte one that was written.
    for (const [key, vector] of decoded.vectors) {
      const known = original.vectors.get(key);
      if (
        decoded.embedderId === original.embedderId &&
        (!known || !Buffer.from(known.buffer).equals(Buffer.from(vector.buffer)))
      ) {
        throw new FuzzViolation(`trusted a vector that was never written (key ${key.slice(0, 12)}…)`);
      }
    }
  },
};

const headCache: FuzzTarget = {
  name: "head cache",
  seeds: (s) => [s.headCache],
  total: true,
  async read(input, ctx) {
    const read = await readCheckedFile(await writeCase(ctx, "head.bin", input), 1, 64 * 1024 * 1024);
    if (read.body !== null && !read.body.equals(ctx.seeds.headCacheBody))
      throw new FuzzViolation("trusted a head body that was never written");
  },
};

const SETTINGS_SEEDS = [
  '{\n  "model": "opus",\n  "hooks": {\n    "UserPromptSubmit": [\n      { "hooks": [ { "type": "command", "command": "~/bin/remind.sh" } ] }\n    ]\n  }\n}\n',
  '{"hooks":{"UserPromptSubmit":[{"hooks":[{"type":"command","command":"$HOME/bin/agentroute-audit.sh hook --log"},{"type":"command","command":"node /x/agentroute/dist/src/cli/main.js hook # agentroute-hook"}]}]}}',
  "{}",
];
const FUZZ_HOOK_COMMAND = "/usr/bin/node /opt/agentroute/dist/src/cli/main.js hook # agentroute-hook";

/** The commands of the UserPromptSubmit entries (the only event install and uninstall touch). */
function promptCommands(text: string): string[] {
  const groups = (JSON.parse(text) as { hooks?: { UserPromptSubmit?: unknown } } | null)?.hooks?.UserPromptSubmit;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((g: { hooks?: unknown } | null) =>
    Array.isArray(g?.hooks)
      ? g.hooks.map((h: { command?: unknown } | null) => h?.command).filter((c): c is string => typeof c === "string")
      : [],
  );
}

/**
 * `hook install` then `uninstall` on a fuzzed settings.json: either a clear error with the file
 * untouched, or valid JSON with our entry exactly once, then gone, and every other entry kept.
 */
const settingsFile: FuzzTarget = {
  name: "settings.json",
  seeds: () => SETTINGS_SEEDS.map((s) => Buffer.from(s)),
  async read(input, ctx) {
    const file = await writeCase(ctx, "settings.json", input);
    const before = await readFile(file);
    try {
      await installHook(file, FUZZ_HOOK_COMMAND, new Date(0));
    } catch (err) {
      if (!(await readFile(file)).equals(before)) throw new FuzzViolation("a failed install changed settings.json");
      throw err;
    }
    const installed = promptCommands(await readFile(file, "utf8"));
    if (installed.filter((c) => c === FUZZ_HOOK_COMMAND).length !== 1)
      throw new FuzzViolation("install did not leave our entry exactly once");
    await uninstallHook(file, FUZZ_HOOK_COMMAND, new Date(1));
    const left = promptCommands(await readFile(file, "utf8"));
    if (left.some((c) => c.trimEnd().endsWith("# agentroute-hook")))
      throw new FuzzViolation("uninstall left a marked entry");
    for (const c of installed.filter((x) => !x.trimEnd().endsWith("# agentroute-hook") && !/main\.js hook/.test(x)))
      if (!left.includes(c)) throw new FuzzViolation(`uninstall removed a command that was not ours: ${c}`);
  },
};

/**
 * Every reader of files that arrive from outside: agents, datasets, config, baselines,
 * batch prompts, transcripts, dispatch logs, hook input, both caches and settings.json.
 *
 * @example
 * FUZZ_TARGETS.map((t) => t.name) // ["agent file", "dataset csv", …]
 */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  agentFile,
  datasetTarget("dataset csv", ".csv", (s) => s.csvDatasets),
  datasetTarget("dataset jsonl", ".jsonl", (s) => s.jsonlDatasets),
  config,
  report,
  prompts,
  transcripts,
  dispatchLog,
  hookInput,
  vectorCache,
  headCache,
  settingsFile,
];
