import type { AgentSet } from "../agents/types.js";
import type { Router } from "./types.js";

export interface OpenRouterOptions {
  /** Agents folder; default: resolveAgentsDir(cwd) (`.claude/agents`, else `agents/`). */
  agentsDir?: string;
  /**
   * An agent set already loaded (the hook merges project and user agents); when given, it is
   * routed as is and `agentsDir` only names it in reports.
   */
  agentSet?: AgentSet;
  cwd?: string;
  /** false = keyword-only mode (`--no-embeddings`). Default true. */
  embeddings?: boolean;
  /** Transformers.js model id (`--model`). */
  model?: string;
  /** Local Transformers.js model folder (`--model-dir`). */
  modelDir?: string;
  /** Vector cache folder; null disables it. */
  cacheDir?: string | null;
  /** Config file path (`--config`); default: agentroute.config.json in cwd when present. */
  configPath?: string;
  /** Said once, loudly, e.g. when no model can be loaded. Default: stderr. */
  warn?: (message: string) => void;
}

export interface OpenedRouter {
  router: Router;
  agentSet: AgentSet;
  agentsDir: string;
  /** The effective configuration (defaults merged with the config file), for reports. */
  config: Record<string, unknown>;
  /** Path of the config file that was read, or null. */
  configPath: string | null;
}

/**
 * Loads agents, builds (or reuses the cached) index and returns a ready router.
 * The one entry point the CLI commands (route, eval, hook, tune) use.
 */
export async function openRouter(_options: OpenRouterOptions = {}): Promise<OpenedRouter> {
  throw new Error("openRouter: being written (lead)");
}
