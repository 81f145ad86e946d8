import { defineConfig } from "vitest/config";

export default defineConfig({
  // src/**/*.cts (the hook's CommonJS client) is TypeScript too; Vite's default skips .cts.
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    globalSetup: ["tests/helpers/global-setup.ts"],
  },
});
