import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { isFastHookArgv, runFastPath } from "../../src/cli/fast-path.js";
import type { CliIO } from "../../src/cli/types.js";
import { hookCommand } from "../../src/hook/command.js";
import { VERSION } from "../../src/version.js";
import { REPO_ROOT } from "../helpers/shared.js";

function memoryIO(stdin: string, env: NodeJS.ProcessEnv = {}): CliIO & { stdout: () => string } {
  let out = "";
  const stream = new PassThrough();
  stream.end(stdin);
  return {
    out: (s) => void (out += s),
    err: () => undefined,
    isTTY: false,
    env,
    cwd: os.tmpdir(),
    stdin: stream,
    stdout: () => out,
  };
}

/**
 * Every module a file loads before its first dynamic import(): relative imports followed
 * through the sources, packages and built-ins collected. `import type` is erased by tsc.
 */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, kind, spec] of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)) {
      if (kind) continue;
      if (spec!.startsWith("."))
        visit(path.resolve(path.dirname(file), spec!.replace(/\.js$/, ".ts").replace(/\.cjs$/, ".cts")));
      else packages.add(spec!);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => path.relative(REPO_ROOT, f)).sort(), packages: [...packages].sort() };
}

const isBuiltin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(spec);

describe("the CLI's fast path", () => {
  it("answers --version and -V with the package version, before commander loads", async () => {
    for (const flag of ["--version", "-V"]) {
      const io = memoryIO("");
      expect(await runFastPath([flag], io)).toBe(0);
      expect(io.stdout()).toBe(`${VERSION}\n`);
    }
  });

  it.each([[["eval", "--dataset", "d.csv"]], [["--help"]], [["hook", "install"]], [["hook", "--serve"]], [[]]])(
    "leaves %j to commander",
    async (argv) => {
      expect(await runFastPath(argv, memoryIO(""))).toBeUndefined();
    },
  );

  it("runs the hook itself: a prompt in a project without agents prints nothing", async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), "agentroute-fast-"));
    try {
      const io = memoryIO(JSON.stringify({ prompt: "review my PR", cwd: home }), { HOME: home });
      expect(await runFastPath(["hook", "--no-server"], io)).toBe(0);
      expect(io.stdout()).toBe("");
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it("takes every hook command `hook install` writes", () => {
    for (const args of [[], ["--no-embeddings"]]) {
      // The shell drops the trailing "# agentroute-hook" marker: it is a comment.
      const command = hookCommand("/usr/bin/node", "/opt/agentroute/dist/src/cli/main.js", args);
      const words = command.slice(0, command.indexOf(" #")).split(" ");
      expect(isFastHookArgv(words.slice(2))).toBe(true);
    }
    expect(isFastHookArgv(["hook", "--decision-log", "x.jsonl"])).toBe(false);
  });

  it.each([
    ["src/cli/main.ts", 10],
    ["src/hook/hook.ts", 12],
    ["src/hook/fast-hook.cts", 4],
  ] as const)(
    "%s loads only node built-ins and at most %i of its own files before routing in process",
    (entry, most) => {
      const graph = staticImports(path.join(REPO_ROOT, entry));
      expect(graph.packages.filter((p) => !isBuiltin(p))).toEqual([]);
      expect(graph.files.length).toBeLessThanOrEqual(most);
    },
  );

  it("the hook entry `hook install` writes is CommonJS: no ES module loader for a hook answered by its server", () => {
    expect(staticImports(path.join(REPO_ROOT, "src/hook/fast-hook.cts")).files).toEqual([
      "src/hook/client.cts",
      "src/hook/fast-hook.cts",
      "src/package-version.cts",
      "src/util/claude-config.cts",
    ]);
  });
});
