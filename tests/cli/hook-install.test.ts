import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

/** Runs the CLI in this process with a temp HOME and working directory. */
async function run(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await runCli(args, {
    out: () => undefined,
    err: (s) => void (stderr += s),
    isTTY: false,
    env: { HOME: cwd, PATH: process.env.PATH },
    cwd,
    stdin: new PassThrough(),
  });
  return { code, stderr };
}

describe("agentroute hook install flags and errors (issue 14, case 4)", () => {
  let dir = "";
  const settings = () => path.join(dir, ".claude", "settings.json");
  const commands = async () =>
    (
      JSON.parse(await readFile(settings(), "utf8")) as {
        hooks: { UserPromptSubmit: { hooks: { command: string }[] }[] };
      }
    ).hooks.UserPromptSubmit.flatMap((g) => g.hooks.map((h) => h.command));
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-install-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([[["hook", "install", "--no-embeddings"]], [["hook", "--no-embeddings", "install"]]])(
    "%j keeps --no-embeddings in the installed command",
    async (args) => {
      expect((await run(args, dir)).code).toBe(0);
      const [command] = await commands();
      expect(command).toMatch(/ hook --no-embeddings # agentroute-hook$/);
    },
  );

  it("hook install without the flag installs the embeddings hook", async () => {
    expect((await run(["hook", "install"], dir)).code).toBe(0);
    expect((await commands())[0]).toMatch(/ hook # agentroute-hook$/);
  });

  it("a read-only settings.json exits 2 with a clear error and leaves no backup", async () => {
    await mkdir(path.dirname(settings()), { recursive: true });
    await writeFile(settings(), "{}\n");
    await chmod(settings(), 0o444);
    const result = await run(["hook", "install"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /settings\.json: cannot write the settings file \(no permission to write it \(read-only\?\)\)/,
    );
    expect(await readdir(path.dirname(settings()))).toEqual(["settings.json"]);
  });
});
