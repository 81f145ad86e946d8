import path from "node:path";
import type { Command } from "commander";
import type { OpenRouterOptions } from "../pipeline/open.js";
import type { CliIO } from "./types.js";

/** The router flags several commands share (`--no-embeddings`, `--model`, `--model-dir`, `--config`). */
export interface RouterFlags {
  agents?: string;
  embeddings: boolean;
  model?: string;
  modelDir?: string;
  /** A path, or false for `--no-config`. */
  config?: string | false;
}

/**
 * Maps the shared router flags to openRouter options: paths resolved against the CLI's cwd,
 * warnings to stderr.
 *
 * @example
 * await openRouter({ agentsDir, ...routerOptionsFromFlags(flags, io) });
 */
export function routerOptionsFromFlags(
  flags: RouterFlags,
  io: CliIO,
): Omit<OpenRouterOptions, "agentsDir" | "agentSet"> {
  return {
    cwd: io.cwd,
    env: io.env,
    embeddings: flags.embeddings,
    model: flags.model,
    modelDir: flags.modelDir === undefined ? undefined : path.resolve(io.cwd, flags.modelDir),
    configPath: typeof flags.config === "string" ? path.resolve(io.cwd, flags.config) : undefined,
    noConfig: flags.config === false,
    warn: (message) => io.err(`warning: ${message}\n`),
  };
}

/**
 * Declares the shared router flags on a command, with the same wording everywhere; `--agents`
 * is optional on every command, resolved by resolveAgentsDir.
 */
export function addRouterOptions(command: Command, options: { config: boolean } = { config: true }): Command {
  command
    .option("--agents <dir>", "agents folder (default: .claude/agents if present, else agents/)")
    .option("--no-embeddings", "keyword-only routing (no model)")
    .option("--model <id>", "Transformers.js embedding model id (e.g. Xenova/all-MiniLM-L6-v2)")
    .option("--model-dir <dir>", "local folder with Transformers.js models");
  return options.config
    ? command
        .option("--config <file>", "router config (default: agentroute.config.json when present)")
        .option("--no-config", "ignore any router config: route with the defaults")
    : command;
}
