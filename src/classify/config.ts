import { readRegularFile } from "../util/safe-read.js";
import { z } from "zod";
import { AgentRouteError } from "../errors.js";
import { DEFAULT_DECISION, DEFAULT_FUSION } from "./defaults.js";
import { FEATURE_NAMES } from "./scorers/features.js";
import { DEFAULT_BANK } from "../indexing/bank.js";

const weightsSchema = z.partialRecord(z.enum(FEATURE_NAMES), z.number().finite());
const fusionSchema = z.object({ bias: z.number().finite(), weights: weightsSchema }).strict();

/**
 * Where a tuned config came from (written by `tune`, read by every command to say so and to
 * warn when it no longer fits): when, on which dataset and agent set (hashes), in which mode,
 * and the gain measured on prompts the selection did not see. Routing ignores it.
 */
export const fittedSchema = z
  .object({
    at: z.string(),
    tool: z.string(),
    mode: z.enum(["embeddings", "keyword"]),
    model: z.string().nullable(),
    candidate: z.string(),
    agents: z.object({ path: z.string(), count: z.number().int().min(0), hash: z.string() }).strict(),
    dataset: z.object({ path: z.string(), rows: z.number().int().min(0), hash: z.string() }).strict(),
    folds: z.number().int().min(2),
    seed: z.number().int().min(0),
    heldOut: z
      .object({
        macroF1Before: z.number(),
        macroF1After: z.number(),
        delta: z.number(),
        interval: z.object({ low: z.number(), high: z.number() }).strict(),
      })
      .strict(),
  })
  .strict();

export type FittedInfo = z.output<typeof fittedSchema>;

/**
 * The router's configuration, as read from `agentroute.config.json` (written by `tune`).
 * Every field is optional in the file; missing ones take the documented defaults.
 */
export const routerConfigSchema = z
  .object({
    /** Which registered scorer decides ("fused" unless you are evaluating one alone). */
    scorer: z.string().default("fused"),
    /** Confidence an agent needs to be dispatched. */
    threshold: z.number().min(0).max(1).default(DEFAULT_DECISION.threshold),
    /** Per-agent thresholds (by agent name), overriding `threshold`. */
    agentThresholds: z.record(z.string(), z.number().min(0).max(1)).default({}),
    /**
     * Further agents are dispatched when their score is within `margin` of the top one and
     * at least `min` (and their own threshold): two jobs in one prompt.
     */
    multi: z
      .object({
        margin: z.number().min(0).max(1).default(DEFAULT_DECISION.multi.margin),
        min: z.number().min(0).max(1).default(DEFAULT_DECISION.multi.min),
        max: z.number().int().min(1).max(10).default(DEFAULT_DECISION.multi.max),
        /**
         * A prompt with two jobs ("fix the crash and add tests") is routed job by job; each job's
         * agent is dispatched when it scores at least `jobMin` on its job and beats the whole
         * prompt's top agent there by `jobMargin`. `jobMin: 1` turns job splitting off.
         */
        jobMin: z.number().min(0).max(1).default(DEFAULT_DECISION.multi.jobMin),
        jobMargin: z.number().min(0).max(1).default(DEFAULT_DECISION.multi.jobMargin),
      })
      .strict()
      .default(DEFAULT_DECISION.multi),
    /** Agents listed in `ranked` (and explained in reasons). */
    topK: z.number().int().min(1).max(1000).default(5),
    /**
     * Labeled prompts added as `<example>` utterances of their agents (by name), e.g. written
     * by `agentroute tune` when cross-validation shows they help. They train the head and
     * join the agents' pieces, like examples written in the agent files.
     */
    examples: z.record(z.string(), z.array(z.string().min(1).max(4000)).max(2000)).default({}),
    /**
     * Corpus-bank examples: prompts of agentroute's routing corpus, written for agents like
     * yours, join the agent whose name and description are nearest (docs/routing.md).
     */
    bank: z
      .object({
        enabled: z.boolean().default(true),
        /** Cosine between a corpus agent's text and yours needed to attach its prompts. */
        minSimilarity: z.number().min(0).max(1).default(DEFAULT_BANK.minSimilarity),
        /** Most corpus prompts one agent takes. */
        perAgent: z.number().int().min(0).max(200).default(DEFAULT_BANK.perAgent),
      })
      .strict()
      .default({ enabled: true, ...DEFAULT_BANK }),
    /** Fusion weights per mode: a logistic model over the features in FEATURE_NAMES. */
    fusion: z
      .object({
        embeddings: fusionSchema.default(DEFAULT_FUSION.embeddings),
        keyword: fusionSchema.default(DEFAULT_FUSION.keyword),
      })
      .strict()
      .default(DEFAULT_FUSION),
    /** Provenance written by `tune`; absent in hand-written configs. */
    fitted: fittedSchema.optional(),
  })
  .strict();

export type RouterConfig = z.output<typeof routerConfigSchema>;
export type RouterConfigInput = z.input<typeof routerConfigSchema>;

/** Defaults merged with `input`; throws CONFIG_INVALID naming the bad field. */
export function resolveConfig(input: unknown = {}, file?: string): RouterConfig {
  const parsed = routerConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join(".") || "(top level)";
    throw new AgentRouteError("CONFIG_INVALID", `${file ?? "config"}: ${where}: ${issue.message}`, {
      hint: "Fix the field or delete the file to use the defaults; `agentroute tune` writes a valid one.",
      file,
    });
  }
  return parsed.data;
}

/** Largest config file read (tuned examples make a config larger than its weights alone). */
export const MAX_CONFIG_BYTES = 8_000_000;

/** Reads and validates a config file. */
export async function readConfigFile(file: string): Promise<RouterConfig> {
  const bytes = await readRegularFile(file, MAX_CONFIG_BYTES, {
    what: "config",
    hint: "Check the --config path; a router config is a few kilobytes (more with tuned examples).",
  });
  const text = bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new AgentRouteError("CONFIG_INVALID", `${file}: not valid JSON (${(err as Error).message})`, {
      hint: "Fix the JSON or regenerate the file with `agentroute tune`.",
      file,
    });
  }
  return resolveConfig(json, file);
}
