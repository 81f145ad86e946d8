import { VERSION } from "../version.js";
import type { CliIO } from "./types.js";

/** The hook flags the fast path reads itself; any other flag goes through commander. */
const FAST_HOOK_FLAGS = new Set(["--no-embeddings", "--no-server"]);

/**
 * The two invocations whose start-up time matters, answered before commander, zod or the
 * router load: `--version`, and `hook` as `hook install` writes it (a Claude Code hook runs
 * once per prompt; with a hook server running it only reads stdin, asks the server over its
 * socket and prints the answer). Returns the exit code, or undefined for everything else.
 *
 * @example
 * await runFastPath(["--version"], io); // 0, after printing "0.1.0\n"
 * await runFastPath(["eval", "--dataset", "d.csv"], io); // undefined: commander's job
 */
export async function runFastPath(argv: readonly string[], io: CliIO): Promise<number | undefined> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    io.out(`${VERSION}\n`);
    return 0;
  }
  if (!isFastHookArgv(argv)) return undefined;
  // hook.js loads only node built-ins until it must route in this process (no server).
  const { runHookSafely } = await import("../hook/hook.js");
  io.out(
    await runHookSafely(io.stdin, {
      env: io.env,
      embeddings: !argv.includes("--no-embeddings"),
      server: !argv.includes("--no-server"),
    }),
  );
  return 0;
}

/**
 * Whether the fast path answers this hook invocation: `hook` with no flag but the ones it
 * reads itself (the forms `hook install` writes into settings.json).
 *
 * @example
 * isFastHookArgv(["hook", "--no-embeddings"]); // true
 * isFastHookArgv(["hook", "--serve"]); // false
 */
export function isFastHookArgv(argv: readonly string[]): boolean {
  return argv[0] === "hook" && argv.slice(1).every((flag) => FAST_HOOK_FLAGS.has(flag));
}
