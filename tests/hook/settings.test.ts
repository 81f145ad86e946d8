import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hookCommand, installHook, uninstallHook } from "../../src/hook/settings.js";

const COMMAND = hookCommand("/usr/bin/node", "/opt/agent route/dist/src/cli/main.js");
const T1 = new Date("2025-11-25T13:04:00.000Z");
const T2 = new Date("2025-11-25T13:05:00.000Z");

const ORIGINAL = `{
    "model": "opus",
    "hooks": {
        "UserPromptSubmit": [
            { "hooks": [ { "type": "command", "command": "~/bin/remind-branch.sh" } ] }
        ],
        "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo hi" } ] } ]
    }
}
`;

describe("installHook / uninstallHook", () => {
  let dir = "";
  let file = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-settings-"));
    file = path.join(dir, ".claude", "settings.json");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("quotes paths with spaces in the command", () => {
    expect(COMMAND).toBe("/usr/bin/node '/opt/agent route/dist/src/cli/main.js' hook");
  });

  it("creates the file when there is none, with the documented shape", async () => {
    expect(await installHook(file, COMMAND, T1)).toEqual({ file, outcome: "installed", backup: null });
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      hooks: { UserPromptSubmit: [{ hooks: [{ type: "command", command: COMMAND, timeout: 10 }] }] },
    });
  });

  it("merges beside existing hooks, backs up first, is idempotent, and uninstall restores the bytes", async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, ORIGINAL);
    const first = await installHook(file, COMMAND, T1);
    expect(first).toEqual({ file, outcome: "installed", backup: `${file}.bak-20251125T130400000Z` });
    expect(await readFile(first.backup!, "utf8")).toBe(ORIGINAL);
    const installed = JSON.parse(await readFile(file, "utf8")) as {
      model: string;
      hooks: { UserPromptSubmit: unknown[]; PreToolUse: unknown[] };
    };
    expect(installed.model).toBe("opus");
    expect(installed.hooks.PreToolUse).toHaveLength(1);
    expect(installed.hooks.UserPromptSubmit).toEqual([
      { hooks: [{ type: "command", command: "~/bin/remind-branch.sh" }] },
      { hooks: [{ type: "command", command: COMMAND, timeout: 10 }] },
    ]);
    expect(await installHook(file, COMMAND, T2)).toEqual({ file, outcome: "already-installed", backup: null });
    expect((await readdir(path.dirname(file))).filter((f) => f.includes(".bak-"))).toHaveLength(1);

    expect(await uninstallHook(file, COMMAND, T2)).toMatchObject({ outcome: "removed" });
    const back = await readFile(file, "utf8");
    // The same settings; the hand-written one-line groups come back in JSON.stringify layout.
    expect(JSON.parse(back)).toEqual(JSON.parse(ORIGINAL));
    expect(await uninstallHook(file, COMMAND, T2)).toMatchObject({ outcome: "not-installed", backup: null });
  });

  it("a round trip on a file in JSON.stringify layout is byte-identical", async () => {
    const original =
      JSON.stringify(
        {
          model: "opus",
          hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "echo hi" }] }] },
        },
        null,
        2,
      ) + "\n";
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, original);
    await installHook(file, COMMAND, T1);
    await uninstallHook(file, COMMAND, T2);
    expect(await readFile(file, "utf8")).toBe(original);
  });

  it("uninstall removes only agentroute entries (also one installed from another path) and nothing else", async () => {
    const other = { type: "command", command: "~/bin/remind-branch.sh" };
    const old = { type: "command", command: "node /usr/lib/node_modules/agentroute/dist/src/cli/main.js hook" };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ hooks: { UserPromptSubmit: [{ hooks: [other, old] }] } }, null, 2) + "\n");
    await uninstallHook(file, COMMAND, T2);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ hooks: { UserPromptSubmit: [{ hooks: [other] }] } });
  });

  it("uninstall finds this CLI's entry whatever flags it was installed with", async () => {
    await installHook(file, hookCommand("/usr/bin/node", "/srv/main/dist/src/cli/main.js", ["--no-embeddings"]), T1);
    const change = await uninstallHook(file, hookCommand("/usr/bin/node", "/srv/main/dist/src/cli/main.js"), T2);
    expect(change.outcome).toBe("removed");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({});
  });

  it("leaves alone another tool's hook that merely has a 'hook' argument", async () => {
    const theirs = { type: "command", command: "/usr/bin/node /opt/other/cli.js hook" };
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ hooks: { UserPromptSubmit: [{ hooks: [theirs] }] } }));
    expect(await uninstallHook(file, COMMAND, T2)).toMatchObject({ outcome: "not-installed" });
  });

  it.each([
    ["{ not json", "not valid JSON"],
    ["[1, 2]", "not a JSON object"],
    ['{"hooks": []}', '"hooks" is not an object'],
    ['{"hooks": {"UserPromptSubmit": {}}}', '"hooks.UserPromptSubmit" is not an array'],
  ])("a malformed settings file (%s) is a CONFIG_INVALID error and stays untouched", async (text, message) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    for (const change of [installHook, uninstallHook]) {
      const err = await change(file, COMMAND, T1).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "CONFIG_INVALID", file });
      expect((err as Error).message).toContain(message);
      expect(await readFile(file, "utf8")).toBe(text);
    }
    expect((await readdir(path.dirname(file))).filter((f) => f.includes(".bak-"))).toEqual([]);
  });
});
