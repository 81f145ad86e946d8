import path from "node:path";
import { createColors } from "picocolors";
import { escapeControl } from "../../util/terminal.js";
import { countSeverities, lintAgents } from "../../agents/lint/lint.js";
import { buildLintReport } from "../../agents/lint/report.js";
import { discoverAgents, requireAgents } from "../../agents/discover/discover.js";
import type { AgentSet, AgentSpec, Diagnostic } from "../../agents/types.js";
import { addFormatOption, chooseFormat, toJson, type FormatFlags, type OutputFormats } from "../format-flag.js";
import { addScopeOptions, scopeOptions, type ScopeFlags } from "../router-flags.js";
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
  text: (r: LintRun) => renderLintText(r.diagnostics, countKinds(r.set.agents), r.dir, r.colour),
  json: (r: LintRun) => toJson(buildLintReport(r.set, r.diagnostics)),
} satisfies OutputFormats<LintRun>;

/**
 * `agentroute lint [PATH] [--scope S] [--kind K] [--format text|json]`: loads the agents and
 * skills, prints every diagnostic, exits 1 when any is an error. PATH (a folder or one file) is
 * read alone; without it, Claude Code's scopes are (project, user, plugins).
 */
export const lintCommand: CommandModule = (program, io, done) => {
  const command = program
    .command("lint")
    .description("Check agents and skills for problems that hurt routing (exit 1 on errors)")
    .argument("[path]", "an agents or skills folder, or one file (default: Claude Code's scopes)");
  addScopeOptions(command);
  addFormatOption(command, LINT_FORMATS, { json: true }).action(
    async (dir: string | undefined, flags: FormatFlags & ScopeFlags) => {
      const format = chooseFormat(flags, LINT_FORMATS, "lint");
      const scopes = scopeOptions(flags);
      const set = requireAgents(
        await discoverAgents({ cwd: io.cwd, env: io.env, agentsDir: dir, ...scopes }),
        scopes.scope,
      );
      const diagnostics = lintAgents(set);
      const colour = io.colour?.out ?? false;
      io.out(LINT_FORMATS[format]({ set, diagnostics, dir: path.relative(io.cwd, set.root), colour }));
      done(countSeverities(diagnostics).error > 0 ? 1 : 0);
    },
  );
};

/** `file:line  severity  code  message` lines with an indented hint, then a summary line. */
function renderLintText(
  diagnostics: readonly Diagnostic[],
  counts: { agents: number; skills: number },
  dir: string,
  colour: boolean,
): string {
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
    `${plural(counts.agents, "agent")}${counts.skills > 0 ? `, ${plural(counts.skills, "skill")}` : ""}, ${plural(n.error, "error")}, ${plural(n.warning, "warning")}, ${plural(n.info, "info")}`,
  );
  return `${lines.join("\n")}\n`;
}

function countKinds(agents: readonly AgentSpec[]): { agents: number; skills: number } {
  const skills = agents.filter((a) => a.kind === "skill").length;
  return { agents: agents.length - skills, skills };
}
