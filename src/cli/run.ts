import { Command, CommanderError } from "commander";
import { AgentRouteError } from "../errors.js";
import { consoleText } from "../util/terminal.js";
import { VERSION } from "../version.js";
import { loadCommands } from "./commands/index.js";
import { COMMAND_HELP } from "./help.js";
import type { CliIO } from "./types.js";

/** Exit codes, the same across commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2, bug: 3 } as const;

/**
 * Runs one CLI invocation and returns its exit code; never exits the process itself.
 * Tests call this; `main.ts` is the only place that sets `process.exitCode`.
 */
export async function runCli(argv: readonly string[], raw: CliIO): Promise<number> {
  // One gate for every renderer: names, triggers and prompts from files never drive the terminal.
  const colour = raw.isTTY && !raw.env.NO_COLOR;
  const io: CliIO = {
    ...raw,
    out: (s) => raw.out(consoleText(s, colour)),
    err: (s) => raw.err(consoleText(s, colour)),
  };
  let exitCode: number = EXIT.ok;
  const program = new Command("agentroute")
    .description("Measure, test and tune how prompts route to Claude Code subagents, offline.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of await loadCommands(argv)) register(program, io, (code) => (exitCode = code));
  for (const sub of program.commands) {
    sub.exitOverride();
    const help = COMMAND_HELP[sub.name()];
    if (help !== undefined) sub.addHelpText("after", help);
  }
  if (argv.length === 0) {
    // As git does: no command is a mistake, answered with the help on stdout and exit 1.
    io.out(program.helpInformation());
    return EXIT.failed;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (err) {
    return reportError(err, io);
  }
}

function reportError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    const benign = ["commander.helpDisplayed", "commander.version", "commander.help"];
    return benign.includes(err.code) ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof AgentRouteError) {
    io.err(`error: ${err.located}\n`);
    io.err(`hint: ${err.hint}\n`);
    return EXIT.usage;
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  io.err(`internal error (a bug in agentroute, please report it):\n${detail}\n`);
  return EXIT.bug;
}
