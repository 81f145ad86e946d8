import path from "node:path";
import { createColors } from "picocolors";
import { countSeverities, lintAgents } from "../../agents/lint/lint.js";
import { buildLintReport } from "../../agents/lint/report.js";
import { discoverAgents, requireAgents } from "../../agents/discover/discover.js";
import type { AgentSpec, Diagnostic } from "../../agents/types.js";
import { addScopeOptions, scopeOptions, type ScopeFlags } from "../router-flags.js";
import type { CommandModule } from "../types.js";

/**
 * `agentroute lint [PATH] [--scope S] [--kind K] [--json]`: loads the agents and skills,
 * prints every diagnostic, exits 1 when any is an error. PATH (a folder or one file) is read
 * alone; without it, Claude Code's scopes are (project, user, plugins).
 */
export const lintCommand: CommandModule = (program, io, done) => {
  const command = program
    .command("lint")
    .description("Check agents and skills for problems that hurt routing (exit 1 on errors)")
    .argument("[path]", "an agents or skills folder, or one file (default: Claude Code's scopes)")
    .option("--json", "print { agents, diagnostics } as JSON");
  addScopeOptions(command).action(async (dir: string | undefined, options: { json?: boolean } & ScopeFlags) => {
    const scopes = scopeOptions(options);
    const set = requireAgents(
      await discoverAgents({ cwd: io.cwd, env: io.env, agentsDir: dir, ...scopes }),
      scopes.scope,
    );
    const diagnostics = lintAgents(set);
    if (options.json) io.out(`${JSON.stringify(buildLintReport(set, diagnostics), null, 2)}\n`);
    else
      io.out(
        renderLintText(
          diagnostics,
          countKinds(set.agents),
          path.relative(io.cwd, set.root),
          io.isTTY && !io.env.NO_COLOR,
        ),
      );
    done(countSeverities(diagnostics).error > 0 ? 1 : 0);
  });
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
    return `${where}  ${paint[d.severity](d.severity)}  ${c.dim(d.code)}  ${d.message}\n  ${c.dim(`hint: ${d.hint}`)}`;
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
