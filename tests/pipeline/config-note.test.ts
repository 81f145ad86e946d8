import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/classify/config.js";
import { describeConfig } from "../../src/pipeline/config-note.js";
import { CONFIG_FILE_NAME, openRouter } from "../../src/pipeline/open.js";
import { FIXTURE_AGENTS } from "../classify/helpers.js";
import { FITTED_ELSEWHERE as fitted } from "../helpers/fitted-config.js";

describe("describeConfig", () => {
  it("names the file, what it changes and where it was fitted", () => {
    const config = resolveConfig({ threshold: 0.3, multi: { margin: 0 }, fitted });
    const note = describeConfig(config, "/p/agentroute.config.json", {
      cwd: "/p",
      agentsHash: "a".repeat(64),
      mode: "keyword",
    });
    expect(note.header).toBe(
      "config: agentroute.config.json (threshold 0.3, multi.margin 0; fitted 2026-12-06 by tune (threshold) on team.csv, 19 rows, dataset dddddddd, agents aaaaaaaa, keyword; --no-config ignores it)",
    );
    expect(note.warnings).toEqual([]);
  });

  it("warns when the agent set or the mode changed since the fit", () => {
    const config = resolveConfig({ threshold: 0.3, fitted });
    const note = describeConfig(config, "/p/c.json", { cwd: "/p", agentsHash: "b".repeat(64), mode: "embeddings" });
    expect(note.warnings).toHaveLength(2);
    expect(note.warnings[0]).toMatch(/^c\.json was fitted on a different agent set \(agents aaaaaaaa, now bbbbbbbb\)/);
    expect(note.warnings[1]).toMatch(/fitted for keyword routing, this run routes in embeddings mode/);
  });

  it("says when no config was read, and when a file has no provenance", () => {
    expect(describeConfig(resolveConfig({}), null, { cwd: "/", agentsHash: "", mode: "keyword" }).header).toBe(
      "config: none (defaults)",
    );
    expect(
      describeConfig(resolveConfig({ topK: 3 }), "/x.json", { cwd: "/", agentsHash: "", mode: "keyword" }).header,
    ).toMatch(/no change from the defaults; not written by tune/);
  });
});

describe("openRouter and the config file", () => {
  it("reads agentroute.config.json from cwd, warns when it was fitted elsewhere, and --no-config skips it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "agentroute-config-"));
    await writeFile(path.join(dir, CONFIG_FILE_NAME), JSON.stringify({ threshold: 0.9, fitted }));
    const warnings: string[] = [];
    const base = { agentsDir: FIXTURE_AGENTS, cwd: dir, embeddings: false, cacheDir: null };
    const read = await openRouter({ ...base, warn: (m) => warnings.push(m) });
    expect(read.config.threshold).toBe(0.9);
    expect(read.configNote.header).toMatch(/^config: agentroute\.config\.json \(threshold 0\.9; fitted/);
    expect(warnings.join("\n")).toMatch(/fitted on a different agent set/);
    const skipped = await openRouter({ ...base, noConfig: true, warn: () => {} });
    expect(skipped.config.threshold).toBe(resolveConfig({}).threshold);
    expect(skipped.configNote.header).toBe("config: none (defaults)");
  });
});
