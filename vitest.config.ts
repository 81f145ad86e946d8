import os from "node:os";
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./tests/helpers/sequencer.js";

export default defineConfig({
  // src/**/*.cts (the hook's CommonJS client) is TypeScript too; Vite's default skips .cts.
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core CI
    // machine, where many test files spend their time waiting on a child process.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    sequence: { sequencer: SlowFirstSequencer },
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
