import { VERSION } from "../version.js";
import { isFastHookArgv } from "../hook/client.cjs";
import type { CliIO } from "./types.js";

export { isFastHookArgv };

/**
 * The two invocations whose start-up time matters, answered before commander, zod or the
 * router load: `--version`, and `hook` as older installs wrote it (`node …/cli/main.js hook`;
 * `hook install` now writes `node …/hook/fast-hook.cjs hook`, which skips even this module).
 * Returns the exit code, or undefined for everything else.
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
  const { runFastHook } = await import("../hook/fast-hook.cjs");
  io.out(await runFastHook(argv, io.stdin, io.env));
  return 0;
}
