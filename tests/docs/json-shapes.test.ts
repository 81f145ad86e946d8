import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routerConfigSchema } from "../../src/classify/config.js";
import { REPO_ROOT } from "../helpers/shared.js";

// docs/json-shapes.md shows each JSON output as an abridged real example after a
// `<!-- shape:NAME -->` line. Every key shown must exist in the real output (somewhere in an
// array's elements), and every top-level key of the real output must be shown.
const CLI = path.join(REPO_ROOT, "dist/src/cli/main.js");
const AGENTS = path.join(REPO_ROOT, "agents");
const DATASET = path.join(REPO_ROOT, "datasets/example.csv");
/** advise needs a set where it proves an edit in keyword mode, to show every key of one. */
const ADVISE_DATASET = path.join(REPO_ROOT, "datasets/example-holdout.csv");
const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-json-shapes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): string {
  const env = { ...process.env, AGENTROUTE_CACHE_DIR: path.join(dir, "cache") };
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: dir, env });
  if (run.status !== 0) throw new Error(`agentroute ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), "utf8"));

/** The documented example of each shape, parsed. */
function documentedShapes(): Map<string, unknown> {
  const doc = readFileSync(path.join(REPO_ROOT, "docs/json-shapes.md"), "utf8");
  const shapes = new Map<string, unknown>();
  for (const m of doc.matchAll(/<!-- shape:([\w-]+) -->\n```json\n([\s\S]*?)\n```/g))
    shapes.set(m[1]!, JSON.parse(m[2]!));
  return shapes;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths of documented keys that no real value has ("…" keys and array elements are placeholders). */
function missingKeys(documented: unknown, real: unknown[], at: string): string[] {
  if (Array.isArray(documented)) {
    const elements = real.flatMap((r) => (Array.isArray(r) ? r : []));
    return documented.filter((d) => d !== "…").flatMap((d) => missingKeys(d, elements, `${at}[]`));
  }
  if (!isObject(documented)) return [];
  return Object.entries(documented).flatMap(([key, value]) => {
    if (key === "…") return [];
    const holders = real.filter((r) => isObject(r) && Object.hasOwn(r, key)) as Record<string, unknown>[];
    if (holders.length === 0) return [`${at}.${key}`];
    return missingKeys(
      value,
      holders.map((h) => h[key]),
      `${at}.${key}`,
    );
  });
}

/** A documented example without its "…" keys and elements. */
function withoutPlaceholders(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== "…").map(withoutPlaceholders);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "…")
      .map(([k, v]) => [k, withoutPlaceholders(v)]),
  );
}

const real = new Map<string, unknown>();
beforeAll(() => {
  const config = path.join(dir, "agentroute.config.json");
  const routeFlags = ["--no-embeddings", "--agents", AGENTS];
  real.set("lint", JSON.parse(cli(["lint", "--json", AGENTS])));
  real.set("route", JSON.parse(cli(["route", "--json", ...routeFlags, "add the right index to the orders table"])));
  cli(["eval", "--no-embeddings", "--agents", AGENTS, "--dataset", DATASET, "--out", dir, "--format", "json"]);
  real.set("report", readJson("report.json"));
  real.set("advise", JSON.parse(cli(["advise", "--format", "json", ...routeFlags, "--dataset", ADVISE_DATASET])));
  cli([
    "tune",
    "--no-embeddings",
    "--no-examples",
    "--folds",
    "2",
    "--agents",
    AGENTS,
    "--dataset",
    DATASET,
    "--out",
    config,
  ]);
  real.set("config", readJson("agentroute.config.json"));
  real.set("tune", readJson("agentroute.config.tune.json"));
}, 240_000);

describe("docs/json-shapes.md", () => {
  it("documents every shape the test knows how to produce", () => {
    expect([...documentedShapes().keys()].sort()).toEqual([...real.keys()].sort());
  });

  it.each(["lint", "route", "report", "advise", "tune"])("%s: every documented key exists", (name) => {
    expect(missingKeys(documentedShapes().get(name), [real.get(name)], name)).toEqual([]);
  });

  it("config: the documented example, placeholders removed, is a valid router config", () => {
    const example = withoutPlaceholders(documentedShapes().get("config"));
    expect(() => routerConfigSchema.parse(example)).not.toThrow();
    expect(Object.keys(example as object).length).toBeGreaterThan(3);
  });

  it.each(["lint", "route", "report", "advise", "config", "tune"])("%s: every top-level key is documented", (name) => {
    const documented = documentedShapes().get(name) as Record<string, unknown>;
    expect(Object.keys(real.get(name) as object).filter((k) => !Object.hasOwn(documented, k))).toEqual([]);
  });

  it("finds a documented key that the output lacks (the check can fail)", () => {
    expect(missingKeys({ a: [{ b: 1, c: 2 }], "…": "…" }, [{ a: [{ b: 1 }, { b: 2 }] }], "x")).toEqual(["x.a[].c"]);
  });
});
