#!/usr/bin/env node
import { colourFor } from "./colour.js";
import { runCli } from "./run.js";

const exitCode = await runCli(process.argv.slice(2), {
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
});
process.exitCode = exitCode;
