import type { Command } from "commander";

/** The process boundary, passed in so tests can run commands in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout/stderr is an interactive terminal (progress bars, colours). */
  isTTY: boolean;
  /** Colour per stream (see colourFor); absent = no colour. */
  colour?: { out: boolean; err: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdin: NodeJS.ReadableStream;
}

/**
 * A command registers itself on the program. Its action returns the exit code
 * (0 success, 1 a gate or lint failure) or throws an AgentRouteError (exit 2).
 */
export type CommandModule = (program: Command, io: CliIO, done: (exitCode: number) => void) => void;
