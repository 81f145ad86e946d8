import path from "node:path";
import { resolveConfig, type RouterConfig } from "../classify/config.js";
import type { RouteMode } from "../classify/types.js";

/** What a command says about the config it read: one header line, and warnings when it no longer fits. */
export interface ConfigNote {
  /** E.g. "config: agentroute.config.json (threshold 0.3, multi.margin 0; fitted …)"; "config: none (defaults)". */
  header: string;
  warnings: string[];
}

/**
 * Describes the config a router was opened with: the file, the fields it changes from the
 * defaults, and when and on what `tune` fitted it; warns when it was fitted on a different
 * agent set (hash) or in another mode than this run's.
 *
 * @example
 * describeConfig(config, "/p/agentroute.config.json", { cwd: "/p", agentsHash, mode: "keyword" }).header
 * // "config: agentroute.config.json (threshold 0.3; fitted 2026-12-06 by tune (threshold) on team.csv, 19 rows, dataset 7e8f8ef6, agents 0bd278ee, keyword)"
 */
export function describeConfig(
  config: RouterConfig,
  configPath: string | null,
  run: { cwd: string; agentsHash: string; mode: RouteMode },
): ConfigNote {
  if (configPath === null) return { header: "config: none (defaults)", warnings: [] };
  const shown = shortPath(run.cwd, configPath);
  const changes = changedFields(config);
  const what = changes.length ? changes.join(", ") : "no change from the defaults";
  const f = config.fitted;
  const provenance = f
    ? `fitted ${f.at.slice(0, 10)} by tune (${f.candidate}) on ${f.dataset.path}, ${f.dataset.rows} rows, dataset ${f.dataset.hash.slice(0, 8)}, agents ${f.agents.hash.slice(0, 8)}, ${f.mode}`
    : "not written by tune (no provenance)";
  const warnings: string[] = [];
  if (f && f.agents.hash !== run.agentsHash) {
    warnings.push(
      `${shown} was fitted on a different agent set (agents ${f.agents.hash.slice(0, 8)}, now ${run.agentsHash.slice(0, 8)}): its thresholds and examples may no longer fit; re-run tune, or --no-config`,
    );
  }
  if (f && f.mode !== run.mode) {
    warnings.push(
      `${shown} was fitted for ${f.mode} routing, this run routes in ${run.mode} mode: its thresholds may not fit; route in ${f.mode} mode, re-run tune, or --no-config`,
    );
  }
  return { header: `config: ${shown} (${what}; ${provenance}; --no-config ignores it)`, warnings };
}

/** The fields of a config that differ from the defaults, as "name value" (fusion and examples summarised). */
export function changedFields(config: RouterConfig): string[] {
  const defaults = resolveConfig({});
  const out: string[] = [];
  if (config.threshold !== defaults.threshold) out.push(`threshold ${config.threshold}`);
  const agentThresholds = Object.keys(config.agentThresholds).length;
  if (agentThresholds) out.push(`per-agent thresholds for ${agentThresholds} agent(s)`);
  for (const key of Object.keys(defaults.multi) as (keyof RouterConfig["multi"])[]) {
    if (config.multi[key] !== defaults.multi[key]) out.push(`multi.${key} ${config.multi[key]}`);
  }
  for (const mode of ["embeddings", "keyword"] as const) {
    if (JSON.stringify(config.fusion[mode]) !== JSON.stringify(defaults.fusion[mode]))
      out.push(`${mode} fusion weights`);
  }
  const examples = Object.values(config.examples);
  if (examples.length) {
    out.push(`${examples.reduce((s, l) => s + l.length, 0)} examples for ${examples.length} agent(s)`);
  }
  if (config.scorer !== defaults.scorer) out.push(`scorer ${config.scorer}`);
  if (JSON.stringify(config.bank) !== JSON.stringify(defaults.bank)) {
    const b = config.bank;
    out.push(b.enabled ? `bank minSimilarity ${b.minSimilarity}, perAgent ${b.perAgent}` : "corpus bank off");
  }
  return out;
}

function shortPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}
