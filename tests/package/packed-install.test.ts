/**
 * The package as a user gets it: `npm pack`, install the tarball into a new folder with
 * nothing but the registry (the npm cache may answer), and run `npx agentroute` there on the
 * repository's real agents and example dataset. Records the install size (du of
 * node_modules), which docs/install.md reports.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

/** The size the issue aims under; docs/install.md reports the measured figure. */
const MAX_INSTALL_MB = 150;

let dir: string;
let env: NodeJS.ProcessEnv;
let installed: SpawnSyncReturns<string>;
let tarballFiles: string[];

/** The parent `npm test` exports npm_config_* (prefix, cache…); a user's shell has none of them. */
function userEnv(home: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...clean, AGENTROUTE_CACHE_DIR: path.join(home, "vectors"), NO_COLOR: "1", CI: "" };
}

function run(command: string, args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: path.join(dir, "project"), env, input, encoding: "utf8", timeout: 240_000 });
}

const agentroute = (...args: string[]) => run("npx", ["--no-install", "agentroute", ...args]);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-packed-"));
  env = userEnv(dir);
  // dist is built by `npm test`; --ignore-scripts skips prepack's rebuild, which would touch
  // the build other test files are running.
  const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: REPO_ROOT,
    env,
    encoding: "utf8",
  });
  expect(packed.status, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  tarballFiles = info.files.map((f) => f.path);
  const project = path.join(dir, "project");
  cpSync(path.join(REPO_ROOT, "agents"), path.join(project, "agents"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "agents"), path.join(project, ".claude", "agents"), { recursive: true });
  cpSync(path.join(REPO_ROOT, "datasets/example.csv"), path.join(project, "example.csv"));
  writeFileSync(path.join(project, "package.json"), '{ "name": "fresh-project", "private": true }\n');
  installed = run("npm", ["install", path.join(dir, info.filename), "--no-audit", "--no-fund", "--prefer-offline"]);
}, 300_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("ships the built CLI and library, not sources, tests or benchmarks", () => {
    expect(tarballFiles).toEqual(expect.arrayContaining(["package.json", "dist/src/cli/main.js", "dist/src/index.js"]));
    expect(tarballFiles.filter((f) => !/^(dist\/src\/|package\.json$|README\.md$|LICENSE$)/.test(f))).toEqual([]);
    expect(tarballFiles.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("installs from the registry alone, without a warning, downloading nothing at install time", () => {
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).not.toMatch(/npm warn/i);
    const modules = path.join(dir, "project", "node_modules");
    // The Transformers.js backend is an optional peer: nothing of it (or onnxruntime) comes along.
    for (const heavy of ["@huggingface/transformers", "onnxruntime-node", "onnxruntime-web", "sharp"])
      expect(existsSync(path.join(modules, heavy)), heavy).toBe(false);
  });

  it(`is smaller than ${MAX_INSTALL_MB} MB installed (du of node_modules)`, () => {
    const du = spawnSync("du", ["-sk", path.join(dir, "project", "node_modules")], { encoding: "utf8" });
    const mb = Number(du.stdout.split(/\s/)[0]) / 1024;
    console.log(`[packed install] node_modules: ${mb.toFixed(1)} MB`);
    expect(mb).toBeGreaterThan(10); // the embedded model alone is larger: du really measured it
    expect(mb).toBeLessThan(MAX_INSTALL_MB);
  });
});

describe("npx agentroute in the fresh project", { timeout: 300_000 }, () => {
  it("answers --version with the package's version", () => {
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string })
      .version;
    const r = agentroute("--version");
    expect({ status: r.status, out: r.stdout.trim(), err: r.stderr }).toEqual({ status: 0, out: version, err: "" });
  });

  it("lints the agents", () => {
    const r = agentroute("lint", "agents", "--json");
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { agents: unknown[] }).agents).toHaveLength(12);
  });

  it("routes a prompt with the embedded USE-lite model", () => {
    const r = agentroute("route", "--agents", "agents", "the login page crashes with a stack trace", "--json");
    expect(r.status, r.stderr).toBe(0);
    const decision = JSON.parse(r.stdout) as { dispatch: string[]; mode: string };
    expect(decision.dispatch).toEqual(["debugger"]);
    expect(decision.mode).toBe("embeddings");
  });

  it("evaluates the example dataset into a JSON report", () => {
    const r = agentroute("eval", "--agents", "agents", "--dataset", "example.csv", "--format", "json", "--out", "rep");
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, "project", "rep", "report.json"), "utf8")) as {
      dataset: { rows: number; read: number };
      summary: { top1: number };
    };
    expect(report.dataset.rows).toBeGreaterThan(100);
    expect(report.dataset.read).toBe(report.dataset.rows);
    // The repository's own figure on this set is about 0.78; a broken model would be near 1/12.
    expect(report.summary.top1).toBeGreaterThan(0.6);
  });

  it("answers the Claude Code hook (keyword-only, in process) and init sets the project up", () => {
    const prompt = {
      hook_event_name: "UserPromptSubmit",
      cwd: path.join(dir, "project"),
      prompt: "the login page crashes with a stack trace",
    };
    const hook = spawnSync("npx", ["--no-install", "agentroute", "hook", "--no-embeddings"], {
      cwd: path.join(dir, "project"),
      env: { ...env, HOME: path.join(dir, "home") },
      input: JSON.stringify(prompt),
      encoding: "utf8",
    });
    expect(hook.status, hook.stderr).toBe(0);
    expect(hook.stdout).toContain("this looks like a job for debugger");
    // That first prompt started a hook server for the next ones (it may still be starting); leave none behind.
    for (let i = 0; i < 40; i++) {
      const stop = spawnSync("npx", ["--no-install", "agentroute", "hook", "--stop-server"], {
        cwd: path.join(dir, "project"),
        env: { ...env, HOME: path.join(dir, "home") },
        encoding: "utf8",
      });
      if (stop.stderr.includes("stopped the hook server")) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
    const init = agentroute("init", "--no-transcripts");
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(path.join(dir, "project", ".github", "workflows", "agentroute.yml"))).toBe(true);
  });

  it("names the optional package and how to install it for --model-dir", () => {
    const r = agentroute("route", "--agents", "agents", "--model-dir", dir, "fix the build");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("optional package @huggingface/transformers, which is not installed");
    expect(r.stderr).toContain("npm install @huggingface/transformers");
  });
});
