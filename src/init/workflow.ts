/**
 * The GitHub Actions workflow `init` writes: on every change to the agents or the dataset it
 * runs the routing gate (`eval --baseline`), which fails the build when routing got worse
 * than the committed baseline. The agentroute version is pinned, so a new release cannot
 * move the baseline by itself.
 *
 * @example
 * renderWorkflow({ version: "0.1.0", folders: [".claude/agents"], dataset: "agentroute/routing.csv", baseline: "agentroute/baseline.json" })
 */
export function renderWorkflow(options: {
  version: string;
  /** The project folders routed: `.claude/agents`, `.claude/skills`, or both. */
  folders: readonly string[];
  dataset: string;
  baseline: string;
}): string {
  const { version, folders, dataset, baseline } = options;
  const folder = dataset.slice(0, dataset.lastIndexOf("/") + 1) || dataset;
  const agentsDir = folders.join(" and ");
  const watched = folders.map((f) => `"${f}/**"`).join(", ");
  const hashed = folders.map((f) => `'${f}/**'`).join(", ");
  return `# Written by \`agentroute init\`. Fails the build when prompts route to ${agentsDir}
# worse than the committed baseline (${baseline}); see the report artifact for what changed.
# Record the baseline before the first run: agentroute eval … --out ${folder} --format json,
# then rename report.json to ${baseline.slice(folder.length)}.
name: agentroute

on:
  pull_request:
    paths: [${watched}, "${folder}**", ".github/workflows/agentroute.yml"]
  push:
    paths: [${watched}, "${folder}**", ".github/workflows/agentroute.yml"]

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
          key: agentroute-\${{ hashFiles(${hashed}) }}
          restore-keys: agentroute-
      - name: Routing gate
        run: >-
          npx --yes agentroute@${version} eval ${evalSelection(folders)} --dataset ${dataset}
          --baseline ${baseline} --max-drop 0.02 --out agentroute-report --format table,md,junit
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: agentroute-report
          path: agentroute-report
`;
}

/**
 * How eval names what it routes: the one folder with `--agents`, or both project folders
 * with `--scope project` (which reads .claude/agents and .claude/skills, nothing of the user's).
 *
 * @example
 * evalSelection([".claude/agents", ".claude/skills"]) // "--scope project"
 */
export function evalSelection(folders: readonly string[]): string {
  return folders.length === 1 ? `--agents ${folders[0]!}` : "--scope project";
}
