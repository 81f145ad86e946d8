import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

const doc = readFileSync(path.join(REPO_ROOT, "docs/architecture.md"), "utf8");
const folders = readdirSync(path.join(REPO_ROOT, "src"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe("docs/architecture.md", () => {
  it.each(folders)("has a paragraph for src/%s/", (folder) => {
    expect(doc).toContain(`**\`${folder}/\`**`);
  });

  it("has a recipe for each kind of extension", () => {
    for (const recipe of ["Add a scorer", "Add a report format", "Add an embedder backend", "Add an input reader"])
      expect(doc).toContain(`### ${recipe}`);
  });

  it("names only files that exist, from the repository root", () => {
    const named = [...doc.matchAll(/`((?:src|tests|bench|fuzz|scripts)\/[\w./-]+\.(?:ts|mjs|wat))`/g)].map(
      (m) => m[1]!,
    );
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((file) => !existsSync(path.join(REPO_ROOT, file)))).toEqual([]);
  });

  it.each(folders)("names only files that exist in its paragraph on src/%s/", (folder) => {
    const start = doc.indexOf(`**\`${folder}/\`**`);
    const paragraph = doc.slice(start, doc.indexOf("\n\n", start));
    const named = [...paragraph.matchAll(/`([\w/.-]+\.(?:ts|wat))`/g)]
      .map((m) => m[1]!)
      .filter((f) => !f.startsWith("src/"));
    expect(named.filter((file) => !existsSync(path.join(REPO_ROOT, "src", folder, file)))).toEqual([]);
  });
});
