/**
 * `npm run docs`: writes the generated sections of docs/cli.md from the CLI's own `--help`
 * (the command list, then each command's usage, arguments and flags). The prose around the
 * sections is hand-written. `--check` changes nothing and exits 1 when docs/cli.md is stale
 * (tests/docs/cli-docs.test.ts runs it).
 *
 *   node dist/scripts/gen-cli-docs.js [--check] [--file docs/cli.md]
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseHelp, renderCommand, renderOverview, type CommandHelp } from "./cli-help.js";
import { DocSectionError, listSections, readSection, replaceSection } from "./doc-sections.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(ROOT, "dist/src/cli/main.js");
/** Commands whose docs/cli.md has no section of their own land here, so a new command is never left out. */
const UNPLACED = "cmd-unplaced";

/** `agentroute ARGS --help`, piped (so the width is commander's fixed 80 columns), without colour. */
function helpOf(args: readonly string[]): CommandHelp {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [CLI, ...args, "--help"], { encoding: "utf8", cwd: ROOT, env });
  if (run.status !== 0) throw new Error(`agentroute ${args.join(" ")} --help exited ${run.status}: ${run.stderr}`);
  return parseHelp(run.stdout);
}

function commandNames(help: CommandHelp): string[] {
  return help.commands.map((c) => c.term.split(" ")[0]!).filter((name) => name !== "help");
}

/** The body of every generated section, by section name. */
function generateSections(placed: ReadonlySet<string>): Map<string, string> {
  const root = helpOf([]);
  const sections = new Map<string, string>([["commands", renderOverview(root)]]);
  const unplaced: string[] = [];
  for (const name of commandNames(root)) {
    const help = helpOf([name]);
    const body = renderCommand(
      help,
      commandNames(help).map((sub) => helpOf([name, sub])),
    );
    if (placed.has(`cmd-${name}`)) sections.set(`cmd-${name}`, body);
    else unplaced.push(`## ${name}\n\n${body}`);
  }
  if (placed.has(UNPLACED)) sections.set(UNPLACED, unplaced.join("\n\n"));
  else if (unplaced.length > 0)
    throw new DocSectionError(`no section for ${unplaced.length} command(s); add a cmd-<name> or ${UNPLACED} section`);
  const gone = [...placed].filter((s) => s !== UNPLACED && !sections.has(s));
  if (gone.length > 0)
    throw new DocSectionError(`sections for commands the CLI does not have: ${gone.join(", ")}; remove them`);
  return sections;
}

function main(): number {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false }, file: { type: "string" } } });
  const file = path.resolve(values.file ?? path.join(ROOT, "docs/cli.md"));
  const before = readFileSync(file, "utf8");
  const sections = generateSections(new Set(listSections(before)));
  let text = before;
  for (const [name, body] of sections) text = replaceSection(text, name, body, file);
  const stale = [...sections.keys()].filter((name) => readSection(text, name) !== readSection(before, name));
  const rel = path.relative(process.cwd(), file) || file;
  if (values.check) {
    if (stale.length === 0) return 0;
    process.stderr.write(`${rel} is out of date (sections: ${stale.join(", ")}); run \`npm run docs\`\n`);
    return 1;
  }
  if (text !== before) writeFileSync(file, text);
  process.stdout.write(`${rel}: ${stale.length > 0 ? `updated ${stale.join(", ")}` : "up to date"}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`gen-cli-docs: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
