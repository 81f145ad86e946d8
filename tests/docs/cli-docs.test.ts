import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHelp, renderCommand } from "../../scripts/cli-help.js";
import { REPO_ROOT } from "../helpers/shared.js";

const GENERATOR = path.join(REPO_ROOT, "dist/scripts/gen-cli-docs.js");

describe("docs/cli.md", () => {
  it("is what `npm run docs` writes from the CLI's --help (run it after changing a command)", () => {
    const run = spawnSync(process.execPath, [GENERATOR, "--check"], { encoding: "utf8", cwd: REPO_ROOT });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("documents every command the CLI lists, each in its own section", () => {
    const root = spawnSync(process.execPath, [path.join(REPO_ROOT, "dist/src/cli/main.js"), "--help"], {
      encoding: "utf8",
    });
    const names = parseHelp(root.stdout)
      .commands.map((c) => c.term.split(" ")[0]!)
      .filter((n) => n !== "help");
    const doc = readFileSync(path.join(REPO_ROOT, "docs/cli.md"), "utf8");
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(doc, name).toContain(`<!-- generated:cmd-${name} -->\n\`\`\`\nagentroute ${name}`);
  });
});

describe("parseHelp (commander's help text back into data)", () => {
  const help = [
    "Usage: agentroute route [options] [prompt]",
    "",
    "Route a prompt to the agent(s) that should take it, with",
    "reasons",
    "",
    "Arguments:",
    "  prompt             the prompt to route",
    "",
    "Options:",
    '  --top <k>          agents to list in ranked (default: "5")',
    "  --config <file>    router config (default: agentroute.config.json when",
    "                     present)",
    "  --batch <file>     route every prompt | one per line",
    "  -h, --help         display help for command",
    "",
  ].join("\n");

  it("reads usage, the wrapped description, arguments and options with their defaults", () => {
    expect(parseHelp(help)).toEqual({
      usage: "agentroute route [options] [prompt]",
      description: "Route a prompt to the agent(s) that should take it, with reasons",
      arguments: [{ term: "prompt", description: "the prompt to route", default: "" }],
      options: [
        { term: "--top <k>", description: "agents to list in ranked", default: "5" },
        { term: "--config <file>", description: "router config", default: "agentroute.config.json when present" },
        { term: "--batch <file>", description: "route every prompt | one per line", default: "" },
        { term: "-h, --help", description: "display help for command", default: "" },
      ],
      commands: [],
    });
  });

  it("renders tables without --help, with pipes escaped and placeholders visible", () => {
    const md = renderCommand(parseHelp(help));
    expect(md).toContain("| `--top <k>` | agents to list in ranked | `5` |");
    expect(md).toContain("route every prompt \\| one per line");
    expect(md).not.toContain("--help");
  });

  it("reads a term whose description starts on the next line", () => {
    const parsed = parseHelp(
      "Usage: x [options]\n\nOptions:\n  --a-very-long-option <value>\n                     what it does\n",
    );
    expect(parsed.options).toEqual([
      { term: "--a-very-long-option <value>", description: "what it does", default: "" },
    ]);
  });
});
