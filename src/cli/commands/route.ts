import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { openRouter } from "../../pipeline/open.js";
import { readPromptsFile } from "../../inputs/prompts-file.js";
import type { AgentReason, RouteDecision } from "../../classify/types.js";
import { AgentRouteError } from "../../errors.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

interface RouteFlags extends RouterFlags {
  agents?: string;
  top: string;
  json?: boolean;
  batch?: string;
  out?: string;
}

/** `agentroute route "PROMPT"` or `--batch FILE`: which agent(s) should take it, and why. */
export const routeCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("route")
    .description("Route a prompt (or a batch of prompts) to the agent(s) that should take it, with reasons")
    .argument("[prompt]", "the prompt to route")
    .option("--agents <dir>", "agents folder, read alone (default: Claude Code's scopes, see --scope)")
    .option("--top <k>", "agents to list in ranked", "5")
    .option("--json", "print the decision as JSON");
  addRouterOptions(command)
    .option(
      "--batch <file>",
      "route every prompt of a file (lines, CSV with prompt column, or JSONL; - for stdin): one JSON decision per line",
    )
    .option("--out <file>", "write batch decisions here instead of stdout")
    .action(async (prompt: string | undefined, flags: RouteFlags) => done(await runRoute(prompt, flags, io)));
};

async function runRoute(prompt: string | undefined, flags: RouteFlags, io: CliIO): Promise<number> {
  const top = Number(flags.top);
  if (!Number.isInteger(top) || top < 1)
    throw new AgentRouteError("USAGE", `--top must be a positive integer, got "${flags.top}"`, {
      hint: "For example --top 5.",
    });
  if ((prompt === undefined) === (flags.batch === undefined)) {
    throw new AgentRouteError(
      "USAGE",
      prompt === undefined ? "give a prompt or --batch FILE" : "give a prompt or --batch FILE, not both",
      { hint: 'agentroute route "why is the login page slow?"' },
    );
  }
  const batchFile = flags.batch === undefined || flags.batch === "-" ? flags.batch : path.resolve(io.cwd, flags.batch);
  const prompts = batchFile !== undefined ? await readPromptsFile(batchFile, io.stdin) : [prompt!];
  if (flags.batch === undefined && prompt!.trim() === "")
    throw new AgentRouteError("USAGE", "the prompt is empty", { hint: "Pass the text to route in quotes." });
  const opened = await openRouter({
    ...routerOptionsFromFlags(flags, io),
    agentsDir: flags.agents,
    overrides: { topK: top },
  });
  const routed =
    flags.batch !== undefined ? await opened.router.routeMany(prompts) : [await opened.router.route(prompts[0]!)];
  if (flags.batch !== undefined) {
    const lines = routed.map((d) => JSON.stringify(d)).join("\n") + (routed.length ? "\n" : "");
    if (flags.out) await writeFile(path.resolve(io.cwd, flags.out), lines);
    else io.out(lines);
  } else {
    io.out(flags.json ? `${JSON.stringify(routed[0], null, 2)}\n` : renderDecision(routed[0]!));
  }
  await opened.close();
  return 0;
}

/** "  (skill, user: ~/.claude/skills/x/SKILL.md)"; nothing for an agent of a folder given by hand. */
function describeSource(source: AgentReason["source"]): string {
  if (source === undefined || (source.kind === "agent" && (source.scope ?? "folder") === "folder")) return "";
  return `  (${source.kind}${source.scope && source.scope !== "folder" ? `, ${source.scope}` : ""}: ${source.file})`;
}

/** The human view of one decision. */
export function renderDecision(d: RouteDecision): string {
  const lines: string[] = [];
  lines.push(d.dispatch.length ? `dispatch: ${d.dispatch.join(", ")}` : "dispatch: none");
  lines.push(`why: ${d.reasons.summary}`);
  lines.push("ranked:");
  const width = Math.max(...d.ranked.map((r) => r.agent.length));
  const sources = new Map(d.reasons.agents.map((a) => [a.agent, a.source]));
  d.ranked.forEach((r, i) =>
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${r.agent.padEnd(width)}  ${r.score.toFixed(3)}${d.dispatch.includes(r.agent) ? "  ←" : ""}${describeSource(sources.get(r.agent))}`,
    ),
  );
  lines.push(`mode: ${d.mode}${d.model ? ` (${d.model})` : ""}, threshold ${d.reasons.threshold}`);
  return `${lines.join("\n")}\n`;
}
