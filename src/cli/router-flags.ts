import path from "node:path";
import type { OpenRouterOptions } from "../classify/open.js";
import type { CliIO } from "./types.js";

/** The router flags several commands share (`--no-embeddings`, `--model`, `--model-dir`, `--config`). */
export interface RouterFlags {
  embeddings: boolean;
  model?: string;
  modelDir?: string;
  config?: string;
}

/**
 * Maps the shared router flags to openRouter options: paths resolved against the CLI's cwd,
 * warnings to stderr.
 *
 * @example
 * await openRouter({ agentsDir, ...routerOptionsFromFlags(flags, io) });
 */
export function routerOptionsFromFlags(flags: RouterFlags, io: CliIO): Omit<OpenRouterOptions, "agentsDir" | "agentSet"> {
  return {
    cwd: io.cwd,
    env: io.env,
    embeddings: flags.embeddings,
    model: flags.model,
    modelDir: flags.modelDir === undefined ? undefined : path.resolve(io.cwd, flags.modelDir),
    configPath: flags.config === undefined ? undefined : path.resolve(io.cwd, flags.config),
    warn: (message) => io.err(`warning: ${message}\n`),
  };
}
