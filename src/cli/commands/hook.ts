import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { claudeConfigDir, loadHookAgents } from "../../hook/agents.js";
import { describeConfig } from "../../pipeline/config-note.js";
import { loadConfig } from "../../pipeline/open.js";
import { installHook, uninstallHook, type SettingsChange } from "../../hook/settings.js";
import { hookCommand, hookShellCommand } from "../../hook/command.js";
import { describeInstalledHook } from "../../hook/status.js";
import { stopHookServer } from "../../hook/client.cjs";
import { hookPaths, logHookProblem, runHookSafely } from "../../hook/hook.js";
import { AgentRouteError } from "../../errors.js";
import type { CliIO, CommandModule } from "../types.js";

interface HookFlags {
  embeddings: boolean;
  decisionLog?: string;
  server: boolean;
  stopServer?: boolean;
  serve?: boolean;
  socket?: string;
  idleMinutes: string;
}

function idleMinutes(text: string): number {
  const n = Number(text);
  if (!(n > 0 && n <= 24 * 60))
    throw new AgentRouteError(
      "USAGE",
      `--idle-minutes must be a number of minutes between 0 and 1440 (got "${text}")`,
      { hint: "For example --idle-minutes 30." },
    );
  return n;
}

interface ScopeOptions {
  project?: boolean;
  user?: boolean;
  embeddings?: boolean;
  server?: boolean;
}

/** `agentroute hook` (the UserPromptSubmit hook itself) and `hook install|uninstall`. */
export const hookCommandModule: CommandModule = (program: Command, io: CliIO, done) => {
  const hook = program
    .command("hook")
    // `hook install --no-embeddings`: the flag belongs to install, not to hook (which has its own).
    .enablePositionalOptions()
    .description(
      "Claude Code UserPromptSubmit hook: suggest the agent for the prompt on stdin; never fails a session (errors go to ~/.claude/agentroute/hook.log)",
    )
    .option("--no-embeddings", "keyword-only routing (the hook server never loads the model for it)")
    .option("--decision-log <file>", "append each decision as a JSON line (default $AGENTROUTE_DECISION_LOG)")
    .option("--no-server", "route in this process instead of asking the hook server (loads the model with embeddings)")
    .option("--stop-server", "stop this build's hook server, if one runs, and exit")
    .option("--serve", "run the hook server (the hook starts it when needed; it exits after --idle-minutes)")
    .option("--socket <path>", "the server's socket (default: in ~/.claude/agentroute)")
    .option("--idle-minutes <n>", "with --serve: exit after this many minutes without a prompt", "30")
    .action(async (options: HookFlags) => {
      if (options.serve || options.stopServer) {
        const paths = hookPaths(io.env);
        const socket = options.socket ?? paths.socket;
        if (socket === null)
          throw new AgentRouteError(
            "USAGE",
            "no hook server on this platform or with this config folder (socket path too long)",
            { hint: "Use the hook with --no-server." },
          );
        if (options.stopServer)
          io.err((await stopHookServer(socket)) ? "stopped the hook server\n" : "no hook server was running\n");
        else
          await (
            await import("../../hook/server.js")
          ).serveHook({
            socketPath: socket,
            env: io.env,
            cacheDir: paths.cacheDir,
            // The shell form's link belongs to this install's own server only.
            alias: socket === paths.socket ? paths.alias : null,
            idleMs: idleMinutes(options.idleMinutes) * 60_000,
            log: (err) => void logHookProblem(io.env, err),
            warm: options.embeddings,
          });
        return done(0);
      }
      const stdout = await runHookSafely(io.stdin, {
        env: io.env,
        embeddings: options.embeddings,
        decisionLog: options.decisionLog,
        server: options.server,
      });
      io.out(stdout);
      done(0);
    });
  hook
    .command("status")
    .description(
      "what the hook would use in this project: its agents, its mode, the config it reads (the hook cannot print this into Claude's context), where it is installed, in which form, and whether curl is on PATH",
    )
    .action(async () => {
      io.out(await describeHookSetup(io, hook.opts<HookFlags>().embeddings === false ? "keyword" : "embeddings"));
      done(0);
    });
  for (const [name, change] of [
    ["install", installHook],
    ["uninstall", uninstallHook],
  ] as const) {
    const sub = hook
      .command(name)
      .description(
        `${name === "install" ? "add the hook to" : "remove the hook from"} .claude/settings.json (--project, default) or ~/.claude/settings.json (--user)`,
      )
      .option("--project", "the project's .claude/settings.json in the working directory")
      .option("--user", "the user's ~/.claude/settings.json");
    if (name === "install") {
      sub
        .option(
          "--embeddings",
          "route with the embedding model through the hook server (the default; the server keeps the model loaded)",
        )
        .option("--no-embeddings", "keyword-only routing through the hook server, which then never loads the model")
        .option(
          "--no-server",
          "route in the hook's own process, no server (loads the model for every prompt with embeddings)",
        );
    }
    sub.action(async (options: ScopeOptions) => {
      const file = settingsFile(options, io);
      // Embeddings by default: the hook server keeps the model loaded, so a prompt costs
      // about as much as keyword-only routing in a fresh process.
      const flags = hook.opts<HookFlags>();
      const keywordOnly = options.embeddings === false || (options.embeddings === undefined && !flags.embeddings);
      const noServer = options.server === false || !flags.server;
      const command = installedCommand(
        [...(keywordOnly ? ["--no-embeddings"] : []), ...(noServer ? ["--no-server"] : [])],
        hookPaths(io.env).alias,
      );
      const result = await change(file, command, new Date());
      io.err(describeChange(result, io.cwd));
      done(0);
    });
  }
};

/**
 * `hook status`: the project folder the hook routes for (CLAUDE_PROJECT_DIR, else cwd), the
 * agents it loads, and the config header (path, what it changes, when and on what it was
 * fitted) with the warnings the hook itself only writes to its error log.
 */
async function describeHookSetup(io: CliIO, mode: "embeddings" | "keyword"): Promise<string> {
  const projectDir = io.env.CLAUDE_PROJECT_DIR?.trim() || io.cwd;
  const agentSet = await loadHookAgents(projectDir, io.env);
  const { config, configPath } = await loadConfig(projectDir, {});
  const note = describeConfig(config, configPath, { cwd: projectDir, agentsHash: agentSet?.hash ?? "", mode });
  const agents = agentSet
    ? `${agentSet.agents.length} agent(s) (agents ${agentSet.hash.slice(0, 8)})`
    : "no agents (the hook stays silent)";
  const warnings = agentSet ? note.warnings.map((w) => `warning: ${w}`) : [];
  const installed = await describeInstalledHook(projectDir, io.env);
  return [`hook in ${projectDir}: ${agents}, ${mode}`, note.header, ...warnings, ...installed, ""].join("\n");
}

/**
 * The command `hook install` writes: the shell form (curl asks the server, Node answers the
 * rest) where a server can listen, else the Node form (Windows, a config folder whose socket
 * path would be too long, `--no-server`).
 */
function installedCommand(args: string[], alias: string | null): string {
  if (alias === null || args.includes("--no-server")) return hookCommand(process.execPath, hookEntryPath(), args);
  return hookShellCommand(process.execPath, hookEntryPath(), args, path.basename(alias));
}

function settingsFile(options: ScopeOptions, io: CliIO): string {
  if (options.project && options.user) {
    throw new AgentRouteError("USAGE", "--project and --user together", {
      hint: "Pick one: --project (default) or --user.",
    });
  }
  return options.user
    ? path.join(claudeConfigDir(io.env), "settings.json")
    : path.join(io.cwd, ".claude", "settings.json");
}

/**
 * What the installed hook runs: this build's small CommonJS client (dist/src/hook/fast-hook.cjs),
 * which asks the hook server without loading the CLI.
 */
function hookEntryPath(): string {
  return fileURLToPath(new URL("../../hook/fast-hook.cjs", import.meta.url));
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
