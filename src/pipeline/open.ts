import type { Bank } from "../indexing/bank.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { discoverAgents, requireAgents, type ScopeOption } from "../agents/discover/discover.js";
import type { LoadKind } from "../agents/load/load.js";
import type { AgentSet } from "../agents/types.js";
import { defaultCacheDir } from "../embed/cache.js";
import { createEmbedder } from "../embed/registry.js";
import type { Embedder } from "../embed/types.js";
import { AgentRouteError } from "../errors.js";
import { buildIndex } from "../indexing/build.js";
import type { AgentIndex } from "../indexing/types.js";
import { readConfigFile, resolveConfig, type RouterConfig } from "../classify/config.js";
import { createRouter } from "../classify/router.js";
import type { Router } from "../classify/types.js";
import { describeConfig, type ConfigNote } from "./config-note.js";

export const CONFIG_FILE_NAME = "agentroute.config.json";

export interface OpenRouterOptions {
  /** Agents folder (or one file), read exactly; default: Claude Code's scopes (see discoverAgents). */
  agentsDir?: string;
  /** Scopes read when `agentsDir` is not given (`--scope`); default "all". */
  scope?: ScopeOption;
  /** Agents, skills or both (`--kind`); default "all". */
  kind?: LoadKind;
  /** Agents already loaded (the hook merges project and user agents); wins over agentsDir. */
  agentSet?: AgentSet;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** false = keyword-only mode (`--no-embeddings`). Default true. */
  embeddings?: boolean;
  /** Transformers.js model id (`--model`). */
  model?: string;
  /** Local Transformers.js model folder (`--model-dir`). */
  modelDir?: string;
  /** Vector and head cache folder; null disables it. Default: defaultCacheDir(cwd, env). */
  cacheDir?: string | null;
  /** Config file path (`--config`); default: agentroute.config.json in cwd when present. */
  configPath?: string;
  /** A config object, used instead of any file (tune uses this). */
  config?: RouterConfig;
  /** Ignore any config file (`--no-config`): route with the defaults. */
  noConfig?: boolean;
  /** Fields set on top of the file or defaults (e.g. `--top` sets topK). */
  overrides?: Partial<RouterConfig>;
  /** Said once, loudly, e.g. when no model can be loaded. Default: stderr. */
  /** A corpus bank other than the shipped one (benches leave a collection's prompts out); null: none. */
  bank?: Bank | null;
  warn?: (message: string) => void;
  /** Told as each slow stage starts (a terminal shows it before the routing bar). */
  onStage?: (stage: string) => void;
}

export interface OpenedRouter {
  router: Router;
  agentSet: AgentSet;
  agentsDir: string;
  /** What reports call the agents: the folder relative to cwd, or "scope all" when discovered. */
  agentsLabel: string;
  index: AgentIndex;
  /** The effective configuration (defaults merged with the config file), for reports. */
  config: RouterConfig;
  /** Path of the config file that was read, or null. */
  configPath: string | null;
  /** What commands say about that config: a header line, and warnings already passed to `warn`. */
  configNote: ConfigNote;
  /** Releases the embedding model. */
  close(): Promise<void>;
}

/**
 * Loads agents, builds (or reuses the cached) index and returns a ready router.
 * The one entry point the CLI commands (route, eval, hook, tune) use.
 *
 * @example
 * const { router } = await openRouter({ agentsDir: "agents" });
 * (await router.route("the login page is slow")).dispatch // e.g. ["performance-tuner"]
 */
export async function openRouter(options: OpenRouterOptions = {}): Promise<OpenedRouter> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const warn = options.warn ?? ((m: string) => void process.stderr.write(`warning: ${m}\n`));
  const stage = options.onStage ?? (() => undefined);
  stage("loading agents");
  const agentSet =
    options.agentSet ??
    requireAgents(
      await discoverAgents({ cwd, env, agentsDir: options.agentsDir, scope: options.scope, kind: options.kind }),
      options.scope,
    );
  const agentsDir = agentSet.root;
  for (const message of describeDroppedFiles(agentSet)) warn(message);
  const loaded = await loadConfig(cwd, options);
  const config = { ...loaded.config, ...options.overrides };
  const configPath = loaded.configPath;
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(cwd, env) : options.cacheDir;
  if (options.embeddings !== false) stage("loading the embedding model");
  const embedder = options.embeddings === false ? null : await openEmbedder(options, cacheDir, cwd, env, warn);
  stage(`indexing ${agentSet.agents.length} agents`);
  const { enabled, ...bank } = config.bank;
  const index = await buildIndex(agentSet, {
    embedder,
    cacheDir,
    warn,
    examples: config.examples,
    bank: enabled ? { ...bank, ...(options.bank !== undefined && { bank: options.bank }) } : false,
  });
  const mode = embedder ? "embeddings" : "keyword";
  const note = describeConfig(config, configPath, { cwd, agentsHash: agentSet.hash, mode });
  // What the corpus bank did is part of what this run routes with (embeddings mode only).
  const configNote = embedder ? { ...note, header: `${note.header}; ${index.bank}` } : note;
  for (const message of configNote.warnings) warn(message);
  return {
    router: createRouter(index, config),
    agentSet,
    agentsDir,
    agentsLabel: describeAgents(cwd, agentsDir, options),
    index,
    config,
    configPath,
    configNote,
    close: async () => embedder?.dispose(),
  };
}

function describeAgents(cwd: string, root: string, options: OpenRouterOptions): string {
  if (options.agentSet === undefined && (options.agentsDir === undefined || options.agentsDir === ""))
    return `scope ${options.scope ?? "all"}${options.kind && options.kind !== "all" ? `, ${options.kind}` : ""}`;
  const relative = path.relative(cwd, root);
  return (relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? root : relative)
    .split(path.sep)
    .join("/");
}

/**
 * The config a router opened in `cwd` with these options would read (file, `--config`,
 * `--no-config` or a config object) and its path, or the defaults and null.
 */
export async function loadConfig(
  cwd: string,
  options: OpenRouterOptions,
): Promise<{ config: RouterConfig; configPath: string | null }> {
  if (options.config) return { config: options.config, configPath: null };
  if (options.noConfig) return { config: resolveConfig({}), configPath: null };
  if (options.configPath) {
    const file = path.resolve(cwd, options.configPath);
    return { config: await readConfigFile(file), configPath: file };
  }
  const found = path.join(cwd, CONFIG_FILE_NAME);
  if (existsSync(found)) return { config: await readConfigFile(found), configPath: found };
  return { config: resolveConfig({}), configPath: null };
}

/**
 * The embedder, or null with one loud warning when the default model cannot load.
 * A model the user named explicitly (--model, --model-dir) is an error instead: silently
 * routing without it would measure something else than was asked.
 */
async function openEmbedder(
  options: OpenRouterOptions,
  cacheDir: string | null,
  cwd: string,
  env: NodeJS.ProcessEnv,
  warn: (m: string) => void,
): Promise<Embedder | null> {
  const explicit = options.model !== undefined || options.modelDir !== undefined;
  try {
    return await createEmbedder({ model: options.model, modelDir: options.modelDir, cacheDir }, { cwd, env, warn });
  } catch (err) {
    if (explicit) throw err;
    const reason = err instanceof AgentRouteError ? err.message : (err as Error).message;
    warn(`NO EMBEDDING MODEL: ${reason}. Routing in keyword-only mode; reports record mode "keyword".`);
    return null;
  }
}

/** Diagnostics that mean files of the folder were left out of the set, not merely imperfect. */
const DROPPING = new Set(["too-many-files", "unreadable", "symlink-outside", "file-too-large"]);

/**
 * What the router was not given, said once per run: routing on the first 5,000 of 10,000
 * files, or without a file it could not read, must not pass for routing on the folder.
 *
 * @example
 * describeDroppedFiles(set) // ["agents: more than 5000 Markdown files; stopped reading (…)"]
 */
export function describeDroppedFiles(set: Pick<AgentSet, "diagnostics" | "root">): string[] {
  const dropped = set.diagnostics.filter((d) => DROPPING.has(d.code));
  if (dropped.length === 0) return [];
  const shown = dropped.slice(0, 3).map((d) => `${d.file}: ${d.message}`);
  const more = dropped.length > 3 ? ` (and ${dropped.length - 3} more)` : "";
  return [`${set.root}: routing without some files: ${shown.join("; ")}${more}. Run agentroute lint for the list.`];
}
