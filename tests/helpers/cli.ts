import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll } from "vitest";
import { runCli } from "../../src/cli/run.js";

/** A temp folder for one test file, removed after its tests (call it at the file's top level). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `agentroute-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface InProcessRun {
  code: number;
  out: string;
  err: string;
}

export interface InProcessOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Default: an empty stream. */
  stdin?: NodeJS.ReadableStream | string;
  isTTY?: boolean;
}

/**
 * Runs one CLI invocation in this process (runCli, what main.ts calls): the same code, exit
 * code and output as the built CLI, without a process start and a model load per call. For
 * tests about the command, not about the process.
 */
export async function runInProcess(argv: readonly string[], options: InProcessOptions): Promise<InProcessRun> {
  let out = "";
  let err = "";
  const stdin = typeof options.stdin === "string" ? Readable.from([options.stdin]) : options.stdin;
  const code = await runCli(argv, {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    isTTY: options.isTTY ?? false,
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdin: stdin ?? Readable.from([]),
  });
  return { code, out, err };
}
