#!/usr/bin/env node
import { colourFor } from "./colour.js";
import { runFastPath } from "./fast-path.js";
import type { CliIO } from "./types.js";

// A reader that stops early (`agentroute route --batch f | head`) is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const argv = process.argv.slice(2);
const io: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
  colour: {
    out: colourFor(Boolean(process.stdout.isTTY), process.env),
    err: colourFor(Boolean(process.stderr.isTTY), process.env),
  },
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
};
// commander and the commands load only when the fast path (--version, the hook) does not answer.
process.exitCode = (await runFastPath(argv, io)) ?? (await (await import("./run.js")).runCli(argv, io));
