/**
 * Whether to colour one output stream, decided per stream as the conventions say:
 * `NO_COLOR` (non-empty) turns colour off, else `FORCE_COLOR` turns it on (unless "0" or
 * "false"), else a terminal (not `TERM=dumb`) gets colour and a file or pipe does not. So
 * `agentroute lint > file` writes no ANSI codes even when stderr is a terminal.
 *
 * @example
 * colourFor(true, {})                  // true
 * colourFor(false, { FORCE_COLOR: "1" }) // true
 * colourFor(true, { NO_COLOR: "1" })   // false
 */
export function colourFor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY && env.TERM !== "dumb";
}
