import { resolveConfig, type FittedInfo } from "../classify/config.js";
import type { FusionWeights } from "../classify/defaults.js";
import { FEATURE_NAMES } from "../classify/scorers/features.js";
import { round4 } from "../eval/summary.js";
import { TOOL_NAME, VERSION } from "../version.js";
import type { FittedRule } from "./candidates.js";
import type { TuneResult } from "./tune.js";

/**
 * The config file `tune` writes when a candidate won: only what differs from the router's
 * defaults (threshold, per-agent thresholds, multi-dispatch keys, the tuned mode's fusion,
 * examples), keys in a fixed order, then `fitted`: when, on what dataset and agent set
 * (hashes), in which mode, and the gain on prompts the selection did not see. Fields left out
 * take the defaults when read. Null when the defaults stayed: there is nothing to write.
 *
 * @example
 * tunedConfig(result, new Date()) // { threshold: 0.3, fitted: { at: "2026-…", mode: "keyword", … } }
 */
export function tunedConfig(result: TuneResult, now: Date): Record<string, unknown> | null {
  if (result.rule === null) return null;
  return { ...configChanges(result.rule, result.mode), fitted: fittedInfo(result, now) };
}

/** The config file text, or null when the defaults stayed. */
export function renderTunedConfig(result: TuneResult, now: Date = new Date()): string | null {
  const config = tunedConfig(result, now);
  return config === null ? null : `${JSON.stringify(config, null, 2)}\n`;
}

/** The fields of a fitted rule that differ from the defaults, in a fixed order. */
export function configChanges(rule: FittedRule, mode: TuneResult["mode"]): Record<string, unknown> {
  const defaults = resolveConfig({});
  const out: Record<string, unknown> = {};
  const { threshold, agentThresholds, multi } = rule.decision;
  if (threshold !== defaults.threshold) out.threshold = threshold;
  if (Object.keys(agentThresholds).length) out.agentThresholds = sortKeys(agentThresholds);
  const multiChanged = Object.fromEntries(
    Object.entries(multi).filter(([key, value]) => defaults.multi[key as keyof typeof multi] !== value),
  );
  if (Object.keys(multiChanged).length) out.multi = sortKeys(multiChanged);
  const fusion = orderedFusion(rule.fusion);
  if (JSON.stringify(fusion) !== JSON.stringify(orderedFusion(defaults.fusion[mode]))) out.fusion = { [mode]: fusion };
  if (rule.examples && Object.keys(rule.examples).length) out.examples = sortKeys(rule.examples);
  return out;
}

function fittedInfo(result: TuneResult, now: Date): FittedInfo {
  const { before, after, delta } = result.estimate;
  return {
    at: now.toISOString(),
    tool: `${TOOL_NAME}@${VERSION}`,
    mode: result.mode,
    model: result.model,
    candidate: result.chosen,
    agents: result.agents,
    dataset: result.dataset,
    folds: result.folds,
    seed: result.seed,
    heldOut: {
      macroF1Before: round4(before.macroF1),
      macroF1After: round4(after.macroF1),
      delta: delta.macroF1,
      interval: delta.interval,
    },
  };
}

function orderedFusion(fusion: FusionWeights): FusionWeights {
  const weights: FusionWeights["weights"] = {};
  for (const name of FEATURE_NAMES) if (fusion.weights[name] !== undefined) weights[name] = fusion.weights[name];
  return { bias: fusion.bias, weights };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
