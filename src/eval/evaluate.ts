import path from "node:path";
import type { ConfigNote } from "../pipeline/config-note.js";
import { openRouter, type OpenRouterOptions } from "../pipeline/open.js";
import { readDataset } from "../inputs/dataset.js";
import { runEval } from "./run.js";
import type { Dataset, EvalReport } from "./types.js";

export interface EvaluateOptions extends Omit<OpenRouterOptions, "agentsDir" | "agentSet"> {
  /** Agent folder, as the user named it (recorded in the report relative to cwd). */
  agentsDir?: string;
  /** Dataset file (CSV or JSONL). */
  dataset: string;
  /**
   * Reads the dataset instead (e.g. a dispatch log, `eval --dispatch-log`), given the agent
   * names of the set; `dataset` then only names it in the report.
   */
  loadDataset?: (agentNames: readonly string[]) => Promise<Dataset>;
  onProgress?: (done: number, total: number) => void;
  /** Told which config the router read (commands print its header). */
  onConfig?: (note: ConfigNote) => void;
}

/**
 * The whole eval in one call, as the CLI runs it: open the router on the agent folder, read
 * and validate the dataset against its agents, route every prompt, build the report. Paths
 * in the report are relative to `cwd` with `/` separators, so reports compare across machines.
 *
 * @example
 * const report = await evaluateAgents({ agentsDir: "agents", dataset: "datasets/example.csv", embeddings: false });
 * report.summary.accuracy // 0.79
 */
export async function evaluateAgents(options: EvaluateOptions): Promise<EvalReport> {
  const cwd = options.cwd ?? process.cwd();
  const { dataset: datasetPath, onProgress, loadDataset, onConfig, ...routerOptions } = options;
  const opened = await openRouter({
    ...routerOptions,
    cwd,
    agentsDir: options.agentsDir === undefined ? undefined : path.resolve(cwd, options.agentsDir),
  });
  try {
    onConfig?.(opened.configNote);
    const datasetFile = path.resolve(cwd, datasetPath);
    const dataset = loadDataset
      ? { ...(await loadDataset(opened.router.agentNames)), path: displayPath(cwd, datasetFile) }
      : await readDataset(datasetFile, { agentNames: opened.router.agentNames, label: displayPath(cwd, datasetFile) });
    return await runEval(opened.router, dataset, {
      agents: {
        path: opened.agentsLabel,
        count: opened.agentSet.agents.length,
        hash: opened.agentSet.hash,
        ...(opened.agentSet.sources
          ? { sources: opened.agentSet.sources.map((s) => ({ ...s, path: displayPath(cwd, s.path) })) }
          : {}),
      },
      config: { ...opened.config },
      onProgress,
    });
  } finally {
    // Release the embedding model even when the dataset is rejected.
    await opened.close();
  }
}

/**
 * A path relative to `cwd` with forward slashes, `..` included when outside it, so reports
 * never show a CI runner's disk layout (absolute only when no relative path exists, as
 * across Windows drives).
 *
 * @example
 * displayPath("/repo", "/repo/datasets/x.csv") // "datasets/x.csv"
 * displayPath("/repo", "/shared/sets/a")       // "../shared/sets/a"
 */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === "" ? "." : path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join("/");
}
