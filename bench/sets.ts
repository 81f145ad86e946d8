import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder holding package.json, from this file up (works from bench/ and dist/bench/). */
function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Repository root and the shared folder beside it. */
export const ROOT = repoRoot();
export const SHARED = path.resolve(ROOT, "../shared");

export interface LabeledSet {
  name: string;
  agents: string;
  dataset: string;
  /** Used to fit the default fusion weights (bench/fit-defaults.ts). */
  fit: boolean;
  /** Fit on the even rows only; the odd rows stay held out (eval-all also reports them alone). */
  split?: boolean;
  /**
   * The dataset is a benchmark's test split, never fitted on: the fit takes rows from the
   * agents' own `<example>` lines instead (bench/example-folds.ts).
   */
  exampleFolds?: boolean;
}

/**
 * Every labeled (agents, dataset) pair the project measures. The example set and its holdout
 * are never used to fit defaults: they are the honest check of them (and the CI gate).
 */
export const LABELED_SETS: LabeledSet[] = [
  { name: "example", agents: path.join(ROOT, "agents"), dataset: path.join(ROOT, "datasets/example.csv"), fit: false },
  {
    name: "example-holdout",
    agents: path.join(ROOT, "agents"),
    dataset: path.join(ROOT, "datasets/example-holdout.csv"),
    fit: false,
  },
  {
    name: "claude-config-12",
    agents: path.join(SHARED, "agent-sets/claude-config-12"),
    dataset: path.join(ROOT, "datasets/claude-config-12.csv"),
    fit: true,
  },
  {
    name: "claude-config-28",
    agents: path.join(SHARED, "agent-sets/claude-config-28"),
    dataset: path.join(ROOT, "datasets/claude-config-28.csv"),
    fit: true,
  },
  {
    name: "wshobson-agents",
    agents: path.join(SHARED, "agent-sets/wshobson-agents"),
    dataset: path.join(ROOT, "datasets/wshobson-sample.csv"),
    fit: true,
  },
  {
    name: "voltagent-subagents",
    agents: path.join(SHARED, "agent-sets/voltagent-subagents"),
    dataset: path.join(ROOT, "datasets/voltagent-sample.csv"),
    fit: true,
  },
  {
    name: "vijaythecoder-agents",
    agents: path.join(SHARED, "agent-sets/vijaythecoder-agents"),
    dataset: path.join(ROOT, "datasets/vijaythecoder.csv"),
    fit: true,
  },
  {
    name: "banking77",
    agents: path.join(SHARED, "agent-sets/banking77-k10"),
    dataset: path.join(SHARED, "datasets/banking77-test.csv"),
    fit: false,
    split: true,
    exampleFolds: true,
  },
  // Out-of-scope prompts for the BANKING77 intents (all none): what an intent set must refuse.
  {
    name: "banking77-oos",
    agents: path.join(SHARED, "agent-sets/banking77-k10"),
    dataset: path.join(ROOT, "datasets/banking77-oos.csv"),
    fit: true,
    split: true,
  },
  // A second intent set (40 assistant intents × 10 examples, ours), never fitted on: does what
  // the defaults learned carry over, in scope and out of scope?
  {
    name: "assistant-intents",
    agents: path.join(ROOT, "datasets/assistant-intents/agents"),
    dataset: path.join(ROOT, "datasets/assistant-intents/test.csv"),
    fit: false,
  },
  {
    name: "assistant-intents-oos",
    agents: path.join(ROOT, "datasets/assistant-intents/agents"),
    dataset: path.join(ROOT, "datasets/assistant-intents/oos.csv"),
    fit: false,
  },
];
