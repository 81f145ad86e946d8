import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { claudeConfigDir } from "../../dispatch/hook-agents.js";
import { hookCommand, installHook, uninstallHook, type SettingsChange } from "../../dispatch/hook-settings.js";
import { runHookSafely } from "../../dispatch/hook.js";
import { AgentRouteError } from "../../errors.js";
import type { CliIO, CommandModule } from "../types.js";

interface ScopeOptions {
  project?: boolean;
  user?: boolean;
  embeddings?: boolean;
}

/** `agentroute hook` (the UserPromptSubmit hook itself) and `hook install|uninstall`. */
export const hookCommandModule: CommandModule = (program: Command, io: CliIO, done) => {
  const hook = program
    .command("hook")
    .description("Claude Code UserPromptSubmit hook: suggest the agent for the prompt on stdin; never fails a session (errors go to ~/.claude/agentroute/hook.log)")
    .option("--no-embeddings", "keyword-only routing (fastest)")
    .option("--decision-log <file>", "append each decision as a JSON line (default $AGENTROUTE_DECISION_LOG)")
    .action(async (options: { embeddings: boolean; decisionLog?: string }) => {
      const stdout = await runHookSafely(io.stdin, { env: io.env, embeddings: options.embeddings, decisionLog: options.decisionLog });
      io.out(stdout);
      done(0);
    });
  for (const [name, change] of [["install", installHook], ["uninstall", uninstallHook]] as const) {
    const sub = hook
      .command(name)
      .description(`${name === "install" ? "add the hook to" : "remove the hook from"} .claude/settings.json (--project, default) or ~/.claude/settings.json (--user)`)
      .option("--project", "the project's .claude/settings.json in the working directory")
      .option("--user", "the user's ~/.claude/settings.json");
    if (name === "install") sub.option("--embeddings", "route with the embedding model (about 0.9 s a prompt here) instead of keyword-only (about 0.3 s)");
    sub.action(async (options: ScopeOptions) => {
        const file = settingsFile(options, io);
        // Keyword-only by default: the hook runs before every prompt, so its latency is felt.
        const command = hookCommand(process.execPath, cliPath(), options.embeddings ? [] : ["--no-embeddings"]);
        const result = await change(file, command, new Date());
        io.err(describeChange(result, io.cwd));
        done(0);
      });
  }
};

function settingsFile(options: ScopeOptions, io: CliIO): string {
  if (options.project && options.user) {
    throw new AgentRouteError("USAGE", "--project and --user together", { hint: "Pick one: --project (default) or --user." });
  }
  return options.user ? path.join(claudeConfigDir(io.env), "settings.json") : path.join(io.cwd, ".claude", "settings.json");
}

/** This build's CLI entry (dist/src/cli/main.js), which the installed hook runs. */
function cliPath(): string {
  return fileURLToPath(new URL("../main.js", import.meta.url));
}

function describeChange(change: SettingsChange, cwd: string): string {
  const where = path.relative(cwd, change.file).startsWith("..") ? change.file : path.relative(cwd, change.file);
  const backup = change.backup === null ? "" : ` (backup: ${path.basename(change.backup)})`;
  const text = {
    installed: `added the agentroute UserPromptSubmit hook to ${where}${backup}`,
    "already-installed": `the agentroute hook is already in ${where}; nothing changed`,
    removed: `removed the agentroute hook from ${where}${backup}`,
    "not-installed": `no agentroute hook in ${where}; nothing changed`,
  }[change.outcome];
  return text + "\n";
}
