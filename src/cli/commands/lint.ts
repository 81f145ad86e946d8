import path from "node:path";
import { createColors } from "picocolors";
import { countSeverities, lintAgents } from "../../agents/lint/lint.js";
import { buildLintReport } from "../../agents/lint/report.js";
import { loadAgents } from "../../agents/load/load.js";
import { resolveAgentsDir } from "../../agents/load/resolve.js";
import type { Diagnostic } from "../../agents/types.js";
import type { CommandModule } from "../types.js";

/**
 * `agentroute lint [DIR] [--json]`: loads the agents, prints every diagnostic, exits 1 when
 * any is an error. DIR defaults to `.claude/agents`, else `agents/`.
 */
export const lintCommand: CommandModule = (program, io, done) => {
  program
    .command("lint")
    .description("Check a folder of agents for problems that hurt routing (exit 1 on errors)")
    .argument("[dir]", "agents folder (default: .claude/agents if present, else agents/)")
    .option("--json", "print { agents, diagnostics } as JSON")
    .action(async (dir: string | undefined, options: { json?: boolean }) => {
      const root = resolveAgentsDir(io.cwd, dir);
      const set = await loadAgents(root);
      const diagnostics = lintAgents(set);
      if (options.json) io.out(`${JSON.stringify(buildLintReport(set, diagnostics), null, 2)}\n`);
      else
        io.out(
          renderLintText(diagnostics, set.agents.length, path.relative(io.cwd, set.root), io.colour?.out ?? false),
        );
      done(countSeverities(diagnostics).error > 0 ? 1 : 0);
    });
};

/** `file:line  severity  code  message` lines with an indented hint, then a summary line. */
function renderLintText(diagnostics: readonly Diagnostic[], agentCount: number, dir: string, colour: boolean): string {
  const c = createColors(colour);
  const paint = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines = diagnostics.map((d) => {
    const where = `${path.posix.join(dir.split(path.sep).join("/"), d.file)}:${d.line}`;
    return `${where}  ${paint[d.severity](d.severity)}  ${c.dim(d.code)}  ${d.message}\n  ${c.dim(`hint: ${d.hint}`)}`;
  });
  const n = countSeverities(diagnostics);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  lines.push(
    `${plural(agentCount, "agent")}, ${plural(n.error, "error")}, ${plural(n.warning, "warning")}, ${plural(n.info, "info")}`,
  );
  return `${lines.join("\n")}\n`;
}
