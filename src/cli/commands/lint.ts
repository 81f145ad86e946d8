import path from "node:path";
import { createColors } from "picocolors";
import { escapeControl } from "../../util/terminal.js";
import { countSeverities, lintAgents } from "../../agents/lint/lint.js";
import { buildLintReport } from "../../agents/lint/report.js";
import { loadAgents } from "../../agents/load/load.js";
import { resolveAgentsDir } from "../../agents/load/resolve.js";
import type { AgentSet, Diagnostic } from "../../agents/types.js";
import { addFormatOption, chooseFormat, toJson, type FormatFlags, type OutputFormats } from "../format-flag.js";
import type { CommandModule } from "../types.js";

interface LintRun {
  set: AgentSet;
  diagnostics: Diagnostic[];
  /** The folder as shown, relative to the working directory. */
  dir: string;
  colour: boolean;
}

/** lint's output formats (`--format`; `--json` is the old spelling of `--format json`). */
const LINT_FORMATS = {
  text: (r: LintRun) => renderLintText(r.diagnostics, r.set.agents.length, r.dir, r.colour),
  json: (r: LintRun) => toJson(buildLintReport(r.set, r.diagnostics)),
} satisfies OutputFormats<LintRun>;

/**
 * `agentroute lint [DIR] [--format text|json]`: loads the agents, prints every diagnostic, exits 1 when
 * any is an error. DIR defaults to `.claude/agents`, else `agents/`.
 */
export const lintCommand: CommandModule = (program, io, done) => {
  const command = program
    .command("lint")
    .description("Check a folder of agents for problems that hurt routing (exit 1 on errors)")
    .argument("[dir]", "agents folder (default: .claude/agents if present, else agents/)");
  addFormatOption(command, LINT_FORMATS, { json: true }).action(async (dir: string | undefined, flags: FormatFlags) => {
    const format = chooseFormat(flags, LINT_FORMATS, "lint");
    const set = await loadAgents(resolveAgentsDir(io.cwd, dir));
    const diagnostics = lintAgents(set);
    const colour = io.colour?.out ?? false;
    io.out(LINT_FORMATS[format]({ set, diagnostics, dir: path.relative(io.cwd, set.root), colour }));
    done(countSeverities(diagnostics).error > 0 ? 1 : 0);
  });
};

/** `file:line  severity  code  message` lines with an indented hint, then a summary line. */
function renderLintText(diagnostics: readonly Diagnostic[], agentCount: number, dir: string, colour: boolean): string {
  const c = createColors(colour);
  const paint = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines = diagnostics.map((d) => {
    const where = `${path.posix.join(dir.split(path.sep).join("/"), d.file)}:${d.line}`;
    const [file, message, hint] = [where, d.message, d.hint].map(escapeControl);
    return `${file}  ${paint[d.severity](d.severity)}  ${c.dim(d.code)}  ${message}\n  ${c.dim(`hint: ${hint}`)}`;
  });
  const n = countSeverities(diagnostics);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  lines.push(
    `${plural(agentCount, "agent")}, ${plural(n.error, "error")}, ${plural(n.warning, "warning")}, ${plural(n.info, "info")}`,
  );
  return `${lines.join("\n")}\n`;
}
