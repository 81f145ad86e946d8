import path from "node:path";
import type { Command } from "commander";
import type { OpenRouterOptions } from "../pipeline/open.js";
import { AgentRouteError } from "../errors.js";
import { KINDS, SCOPES, type ScopeOption } from "../agents/discover/discover.js";
import type { LoadKind } from "../agents/load/load.js";
import type { CliIO } from "./types.js";

/** `--scope` and `--kind`, as commander hands them over (checked by `scopeOptions`). */
export interface ScopeFlags {
  scope?: string;
  kind?: string;
}

const SCOPE_CHOICES: readonly string[] = [...SCOPES, "all"];

/**
 * Checks `--scope` and `--kind` and maps them to discovery options.
 *
 * @example
 * scopeOptions({ scope: "user", kind: "skills" }) // { scope: "user", kind: "skills" }
 */
export function scopeOptions(flags: ScopeFlags): { scope?: ScopeOption; kind?: LoadKind } {
  const pick = <T extends string>(
    flag: string,
    value: string | undefined,
    choices: readonly string[],
  ): T | undefined => {
    if (value === undefined) return undefined;
    const v = value.trim().toLowerCase();
    if (choices.includes(v)) return v as T;
    throw new AgentRouteError("USAGE", `${flag} must be one of ${choices.join(", ")}, got "${value}"`, {
      hint: `For example ${flag} ${choices[choices.length - 1]}.`,
    });
  };
  return {
    scope: pick<ScopeOption>("--scope", flags.scope, SCOPE_CHOICES),
    kind: pick<LoadKind>("--kind", flags.kind, KINDS),
  };
}

/** Declares `--scope` and `--kind` with the same wording on every command. */
export function addScopeOptions(command: Command): Command {
  return command
    .option(
      "--scope <scope>",
      "where to find agents and skills without --agents: project, user, plugins or all (default all)",
    )
    .option("--kind <kind>", "route agents, skills or all (default all)");
}

/** The router flags several commands share (`--no-embeddings`, `--model`, `--model-dir`, `--config`, `--scope`, `--kind`). */
export interface RouterFlags extends ScopeFlags {
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
    ...scopeOptions(flags),
  };
}

/**
 * Declares the shared router flags on a command, with the same wording everywhere; `--agents`
 * is optional on every command (without it, discovery reads Claude Code's scopes).
 */
export function addRouterOptions(command: Command, options: { config: boolean } = { config: true }): Command {
  addScopeOptions(command)
    .option("--agents <dir>", "agents folder or file, read exactly (default: Claude Code's scopes, see --scope)")
    .option("--no-embeddings", "keyword-only routing (no model)")
    .option("--model <id>", "Transformers.js embedding model id (e.g. Xenova/all-MiniLM-L6-v2)")
    .option("--model-dir <dir>", "local folder with Transformers.js models");
  return options.config
    ? command
        .option("--config <file>", "router config (default: agentroute.config.json when present)")
        .option("--no-config", "ignore any router config: route with the defaults")
    : command;
}
