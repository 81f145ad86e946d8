import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hookCommand } from "../../src/hook/command.js";
import { installHook, uninstallHook } from "../../src/hook/settings.js";

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
    expect(COMMAND).toBe("/usr/bin/node '/opt/agent route/dist/src/cli/main.js' hook # agentroute-hook");
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

/** Root in a container that may mount a small tmpfs (to fill a disk for real). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(os.tmpdir() + "/agentroute-mount-probe", { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", os.tmpdir() + "/agentroute-mount-probe"], {
      stdio: "ignore",
    });
  } catch {
    return false;
  } finally {
    try {
      execFileSync("umount", [os.tmpdir() + "/agentroute-mount-probe"], { stdio: "ignore" });
    } catch {
      /* not mounted */
    }
  }
  return true;
}

describe("hook install / uninstall are exact and atomic (issue 14, cases 3 and 4)", () => {
  let dir = "";
  let file = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "agentroute-settings-"));
    file = path.join(dir, ".claude", "settings.json");
    await mkdir(path.dirname(file), { recursive: true });
  });
  afterEach(async () => {
    await chmod(path.dirname(file), 0o700).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  const backups = async () => (await readdir(path.dirname(file))).filter((f) => f.includes(".bak-"));

  it("a user's own command that mentions agentroute and hook is neither ours on install nor removed", async () => {
    const theirs = { type: "command", command: "$HOME/bin/agentroute-audit.sh hook --log" };
    await writeFile(file, JSON.stringify({ hooks: { UserPromptSubmit: [{ hooks: [theirs] }] } }));
    expect(await installHook(file, COMMAND, T1)).toMatchObject({ outcome: "installed" });
    await uninstallHook(file, COMMAND, T2);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ hooks: { UserPromptSubmit: [{ hooks: [theirs] }] } });
  });

  it("a symlinked settings.json is refused: the target is not edited and not copied into a backup", async () => {
    const victim = path.join(dir, "secrets.json");
    await writeFile(victim, '{"token": "s3cret"}');
    await symlink(victim, file);
    for (const change of [installHook, uninstallHook]) {
      await expect(change(file, COMMAND, T1)).rejects.toMatchObject({
        code: "IO",
        message: expect.stringContaining("symlink"),
      });
    }
    expect(await readFile(victim, "utf8")).toBe('{"token": "s3cret"}');
    expect(await backups()).toEqual([]);
  });

  it("a read-only settings.json is a clear error, unchanged, with no stray backup", async () => {
    await writeFile(file, "{}\n");
    await chmod(file, 0o444);
    const err = await installHook(file, COMMAND, T1).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "AgentRouteError", code: "IO", message: expect.stringContaining("read-only") });
    expect(await readFile(file, "utf8")).toBe("{}\n");
    expect(await backups()).toEqual([]);
  });

  it.skipIf(!canMount())(
    "a full disk leaves the old settings whole and no backup (temporary file, then rename)",
    async () => {
      const disk = path.join(dir, "disk");
      await mkdir(disk);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]);
      try {
        const small = path.join(disk, "settings.json");
        await writeFile(small, ORIGINAL);
        await writeFile(path.join(disk, "fill"), Buffer.alloc(1024 * 1024)).catch(() => undefined); // fills the disk
        const err = await installHook(small, COMMAND, T1).catch((e: unknown) => e);
        expect(err).toMatchObject({ name: "AgentRouteError", code: "IO" });
        expect(await readFile(small, "utf8")).toBe(ORIGINAL);
        expect((await readdir(disk)).sort()).toEqual(["fill", "settings.json"]);
      } finally {
        execFileSync("umount", [disk]);
      }
    },
  );

  it("installing with other flags replaces our entry instead of adding a second", async () => {
    await installHook(file, COMMAND, T1);
    const keyword = hookCommand("/usr/bin/node", "/opt/agent route/dist/src/cli/main.js", ["--no-embeddings"]);
    expect(await installHook(file, keyword, T2)).toMatchObject({ outcome: "installed" });
    const settings = JSON.parse(await readFile(file, "utf8")) as {
      hooks: { UserPromptSubmit: { hooks: { command: string }[] }[] };
    };
    expect(settings.hooks.UserPromptSubmit.flatMap((g) => g.hooks.map((h) => h.command))).toEqual([keyword]);
  });
});
