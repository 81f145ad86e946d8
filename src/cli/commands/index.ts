import type { CommandModule } from "../types.js";

/**
 * Every CLI command by name, in the order `--help` lists them; one file per command, loaded
 * on demand. A run imports only the command it names (`agentroute hook` never loads the
 * report renderers or the tuner): the hook runs once per prompt, so start-up time counts.
 */
export const commandLoaders: Readonly<Record<string, () => Promise<CommandModule>>> = {
  init: async () => (await import("./init.js")).initCommand,
  lint: async () => (await import("./lint.js")).lintCommand,
  route: async () => (await import("./route.js")).routeCommand,
  transcripts: async () => (await import("./transcripts.js")).transcriptsCommand,
  hook: async () => (await import("./hook.js")).hookCommandModule,
  eval: async () => (await import("./eval.js")).evalCommand,
  compare: async () => (await import("./compare.js")).compareCommand,
  tune: async () => (await import("./tune.js")).tuneCommand,
  advise: async () => (await import("./advise.js")).adviseCommand,
};

/**
 * The command modules an invocation needs: the one named first on the command line, or all
 * of them (for `--help`, `help`, a typo that commander should answer with the list, …).
 * @example loadCommands(["hook"]) // [hookCommandModule]
 */
export async function loadCommands(argv: readonly string[]): Promise<CommandModule[]> {
  const first = argv.find((a) => !a.startsWith("-"));
  const names = first !== undefined && Object.hasOwn(commandLoaders, first) ? [first] : Object.keys(commandLoaders);
  return Promise.all(names.map((name) => commandLoaders[name]!()));
}
