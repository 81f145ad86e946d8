/**
 * The GitHub Actions workflow `init` writes: on every change to the agents or the dataset it
 * runs the routing gate (`eval --baseline`), which fails the build when routing got worse
 * than the committed baseline. The agentroute version is pinned, so a new release cannot
 * move the baseline by itself.
 *
 * @example
 * renderWorkflow({ version: "0.1.0", agentsDir: ".claude/agents", dataset: "agentroute/routing.csv", baseline: "agentroute/baseline.json" })
 */
export function renderWorkflow(options: {
  version: string;
  agentsDir: string;
  dataset: string;
  baseline: string;
}): string {
  const { version, agentsDir, dataset, baseline } = options;
  const folder = dataset.slice(0, dataset.lastIndexOf("/") + 1) || dataset;
  return `# Written by \`agentroute init\`. Fails the build when prompts route to ${agentsDir}
# worse than the committed baseline (${baseline}); see the report artifact for what changed.
# Record the baseline before the first run: agentroute eval … --out ${folder} --format json,
# then rename report.json to ${baseline.slice(folder.length)}.
name: agentroute

on:
  pull_request:
    paths: ["${agentsDir}/**", "${folder}**", ".github/workflows/agentroute.yml"]
  push:
    paths: ["${agentsDir}/**", "${folder}**", ".github/workflows/agentroute.yml"]

jobs:
  routing-gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - uses: actions/cache@v4
        with:
          path: .agentroute-cache
          key: agentroute-\${{ hashFiles('${agentsDir}/**') }}
          restore-keys: agentroute-
      - name: Routing gate
        run: >-
          npx --yes agentroute@${version} eval --agents ${agentsDir} --dataset ${dataset}
          --baseline ${baseline} --max-drop 0.02 --out agentroute-report --format table,md,junit
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: agentroute-report
          path: agentroute-report
`;
}
