/** The dataset format, shown by every command that reads labeled prompts. */
const DATASET_FORMAT = `
Dataset format (CSV or JSONL, one labeled prompt a row):
  prompt,expected,kind
  "the login page takes 8 s to load",performance-tuner,paraphrase
  "review this PR and then deploy it","code-reviewer|devops",multi
  "what's the weather like",,off-topic
  expected: agent names joined with |, empty (or none / oos) when no agent should take it;
  other columns are tags (accuracy per tag in the reports).
  JSONL: {"prompt": "…", "expected": ["devops"], "tags": {"kind": "paraphrase"}}`;

/**
 * Examples (and the dataset format where it applies) shown after each command's options in
 * `agentroute COMMAND --help`; one place, so every command's help reads the same.
 */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  lint: `
Examples:
  agentroute lint                       .claude/agents (else agents/), exit 1 on errors
  agentroute lint agents --json > lint.json`,
  route: `
Examples:
  agentroute route "the login page is slow"
  agentroute route --agents agents --json "deploy to staging"
  agentroute route --batch prompts.txt --out decisions.jsonl`,
  eval: `
Examples:
  agentroute eval --agents agents --dataset datasets/example.csv --format table,md,html
  agentroute eval --agents agents --dataset datasets/example.csv \\
    --baseline reports/baseline.json --format md,json,junit,html --junit-failures flips
  agentroute eval --agents agents --compare-agents agents-new --dataset datasets/example.csv
Exit codes: 0 ok, 1 the gate failed, 2 a usage or input error.
${DATASET_FORMAT}`,
  compare: `
Examples:
  agentroute compare reports/baseline.json reports/report.json
  agentroute compare old.json new.json --format md > comparison.md
  agentroute compare old.json new.json --format html > comparison.html`,
  tune: `
Examples:
  agentroute tune --agents agents --dataset datasets/example.csv
${DATASET_FORMAT}`,
  advise: `
Examples:
  agentroute advise --agents agents --dataset datasets/example.csv`,
  transcripts: `
Examples:
  agentroute transcripts --out dispatch.jsonl       this project's sessions
  agentroute eval --agents .claude/agents --dispatch-log dispatch.jsonl`,
  hook: `
Examples:
  agentroute hook install`,
};
