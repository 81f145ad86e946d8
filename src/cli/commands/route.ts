import { openSafeWriter, writeFileSafely } from "../../util/safe-write.js";
import path from "node:path";
import type { Command } from "commander";
import { openRouter } from "../../pipeline/open.js";
import { readPromptsFile } from "../../inputs/prompts-file.js";
import type { AgentReason, RouteDecision } from "../../classify/types.js";
import { AgentRouteError } from "../../errors.js";
import { addFormatOption, chooseFormat, toJson, type FormatFlags, type OutputFormats } from "../format-flag.js";
import { addRouterOptions, routerOptionsFromFlags, type RouterFlags } from "../router-flags.js";
import type { CliIO, CommandModule } from "../types.js";

interface RouteFlags extends RouterFlags, FormatFlags {
  top: string;
  batch?: string;
  out?: string;
}

interface RouteOutput {
  decisions: RouteDecision[];
  batch: boolean;
}

/** route's output formats: `text` for people; `json` pretty-prints one decision, or with --batch writes one per line. */
const ROUTE_FORMATS = {
  text: (r: RouteOutput) => r.decisions.map(renderDecision).join("\n"),
  json: (r: RouteOutput) =>
    r.batch ? r.decisions.map((d) => `${JSON.stringify(d)}\n`).join("") : toJson(r.decisions[0]),
} satisfies OutputFormats<RouteOutput>;

/** `agentroute route "PROMPT"` or `--batch FILE`: which agent(s) should take it, and why. */
export const routeCommand: CommandModule = (program: Command, io: CliIO, done) => {
  const command = program
    .command("route")
    .description("Route a prompt (or a batch of prompts) to the agent(s) that should take it, with reasons")
    .argument("[prompt]", "the prompt to route")
    .option("--top <k>", "agents to list in ranked", "5");
  addFormatOption(command, ROUTE_FORMATS, { json: true });
  addRouterOptions(command)
    .option(
      "--batch <file>",
      "route every prompt of a file (lines, CSV with prompt column, or JSONL; - for stdin): one JSON decision per line unless --format text",
    )
    .option("--out <file>", "write the output here instead of stdout")
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
  const format = chooseFormat(
    { format: flags.format ?? (flags.batch !== undefined ? "json" : undefined), json: flags.json },
    ROUTE_FORMATS,
    "route",
  );
  const batchFile = flags.batch === undefined || flags.batch === "-" ? flags.batch : path.resolve(io.cwd, flags.batch);
  const prompts = batchFile !== undefined ? await readPromptsFile(batchFile, io.stdin) : [prompt!];
  if (flags.batch === undefined && prompt!.trim() === "")
    throw new AgentRouteError("USAGE", "the prompt is empty", { hint: "Pass the text to route in quotes." });
  const opened = await openRouter({
    ...routerOptionsFromFlags(flags, io),
    agentsDir: flags.agents,
    overrides: { topK: top },
  });
  io.err(`${opened.configNote.header}\n`);
  const routed =
    flags.batch !== undefined ? await opened.router.routeMany(prompts) : [await opened.router.route(prompts[0]!)];
  if (flags.batch !== undefined && format === "json") {
    // One line at a time (in 1,000-line pieces): 260,000 decisions are more JSON than one string can hold.
    const out = flags.out
      ? await openSafeWriter(path.resolve(io.cwd, flags.out), { what: "routes file", label: flags.out })
      : null;
    try {
      for (let start = 0; start < routed.length; start += 1000) {
        const piece = ROUTE_FORMATS.json({ decisions: routed.slice(start, start + 1000), batch: true });
        if (out) await out.write(piece);
        else io.out(piece);
      }
      await out?.commit();
    } finally {
      await out?.abort();
    }
  } else {
    const text = ROUTE_FORMATS[format]({ decisions: routed, batch: flags.batch !== undefined });
    if (flags.out)
      await writeFileSafely(path.resolve(io.cwd, flags.out), text, { what: "routes file", label: flags.out });
    else io.out(text);
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
