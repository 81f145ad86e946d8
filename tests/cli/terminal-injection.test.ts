import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { consoleText, escapeControl } from "../../src/util/terminal.js";
import { scratchDir } from "../hardening/seeds.js";

const OSC52 = "\u001b]52;c;ZWNobyBwd25lZA==\u0007";
const CSI_C1 = "\u009b2J";

/** Runs the CLI in this process, as a colour terminal would see it. */
async function run(args: string[], cwd: string): Promise<string> {
  let text = "";
  await runCli(args, {
    out: (s) => void (text += s),
    err: (s) => void (text += s),
    isTTY: true,
    env: { HOME: cwd, PATH: process.env.PATH },
    cwd,
    stdin: new PassThrough(),
  });
  return text;
}

async function hostileAgents(): Promise<string> {
  const dir = await scratchDir();
  await mkdir(path.join(dir, "agents"));
  await writeFile(
    path.join(dir, "agents", "evil.md"),
    `---\nname: "evil${OSC52}"\ndescription: "Use PROACTIVELY to deploy ${CSI_C1} services. Triggers: deploy${OSC52}"\n---\nBody.\n`,
  );
  await writeFile(
    path.join(dir, "agents", "ok.md"),
    `---\nname: ok\ndescription: Use for reviewing code.\n---\nBody.\n`,
  );
  return dir;
}

// eslint-disable-next-line no-control-regex -- looking for raw control characters is the point
const RAW_CONTROL = /[\u0007\u009b]|\u001b(?!\[(?:31|33|36|39|2|22)m)/;

describe("console output never carries terminal controls from files (issue 14, case 8)", () => {
  it.each([
    ["lint", ["lint", "agents"]],
    ["lint --json", ["lint", "agents", "--json"]],
    ["route", ["route", "deploy the services", "--agents", "agents", "--no-embeddings"]],
    ["route --json", ["route", `deploy ${OSC52}`, "--agents", "agents", "--no-embeddings", "--json"]],
  ])("%s", async (_name, args) => {
    const out = await run(args, await hostileAgents());
    expect(out.length).toBeGreaterThan(0);
    expect(out).not.toMatch(RAW_CONTROL);
  });

  it("escapes controls visibly and keeps JSON exact", () => {
    expect(escapeControl(`a${OSC52}b`)).toBe("a\\u001b]52;c;ZWNobyBwd25lZA==\\u0007b");
    const json = JSON.stringify({ p: `x${CSI_C1}` });
    expect(JSON.parse(consoleText(json, false))).toEqual({ p: `x${CSI_C1}` });
    expect(consoleText("\u001b[31merror\u001b[39m\u001b[2J", true)).toBe("\u001b[31merror\u001b[39m\\u001b[2J");
  });
});
