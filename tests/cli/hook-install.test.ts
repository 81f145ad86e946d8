import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { hookCommand, hookCommandForm } from "../../src/hook/command.js";

/** Runs the CLI in this process with a temp HOME and working directory. */
async function run(
  args: string[],
  cwd: string,
  PATH = process.env.PATH,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stderr = "";
  let stdout = "";
  const code = await runCli(args, {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
    isTTY: false,
    env: { HOME: cwd, PATH },
    cwd,
    stdin: new PassThrough(),
  });
  return { code, stdout, stderr };
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

  it("hook install without the flag installs the embeddings hook, in the shell form", async () => {
    expect((await run(["hook", "install"], dir)).code).toBe(0);
    const [command] = await commands();
    expect(command).toMatch(
      /^\/bin\/sh -c 'in=\$\(cat\); .*' agentroute-hook hook-[0-9a-f]{12}\.sock 1 \S+ \S+ hook # agentroute-hook$/,
    );
    expect(hookCommandForm(command!)).toBe("shell");
  });

  it.each([[["hook", "install", "--no-server"]], [["hook", "--no-server", "install"]]])(
    "%j installs the Node form (no server, so nothing for curl to ask)",
    async (args) => {
      expect((await run(args, dir)).code).toBe(0);
      const [command] = await commands();
      expect(command).toMatch(/^\S+ \S+fast-hook\.cjs hook --no-server # agentroute-hook$/);
      expect(hookCommandForm(command!)).toBe("node");
    },
  );

  it("install replaces an older Node-form entry, uninstall removes either form; status tells them apart", async () => {
    const nodeForm = hookCommand("/usr/bin/node", "/opt/old agentroute/dist/src/hook/fast-hook.cjs");
    await mkdir(path.dirname(settings()), { recursive: true });
    const entry = (command: string) => ({ hooks: [{ type: "command", command }] });
    await writeFile(settings(), JSON.stringify({ hooks: { UserPromptSubmit: [entry(nodeForm)] } }));
    expect((await run(["hook", "status"], dir)).stdout).toMatch(
      /^installed: \.claude\/settings\.json \(Node form: starts Node for every prompt; agentroute hook install writes the faster shell form\)$/m,
    );
    expect((await run(["hook", "install"], dir)).code).toBe(0);
    expect((await commands()).map(hookCommandForm)).toEqual(["shell"]);
    const status = await run(["hook", "status"], dir);
    expect(status.stdout).toMatch(
      /^installed: \.claude\/settings\.json \(shell form: curl asks the hook server, Node answers the rest\)$/m,
    );
    expect(status.stdout).toMatch(/^curl: \/\S+\/curl$/m);
    expect((await run(["hook", "status"], dir, path.join(dir, "no-bin"))).stdout).toMatch(
      /^curl: not found on PATH \(the shell form then runs Node for every prompt\)$/m,
    );
    await writeFile(settings(), JSON.stringify({ hooks: { UserPromptSubmit: [entry(nodeForm), entry("mine.sh")] } }));
    expect((await run(["hook", "uninstall"], dir)).code).toBe(0);
    expect(await commands()).toEqual(["mine.sh"]);
    expect((await run(["hook", "status"], dir)).stdout).toMatch(
      /^installed: nowhere \(agentroute hook install adds it\)$/m,
    );
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
