import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocSectionError, listSections, replaceSection, writeSections } from "../../scripts/doc-sections.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "agentroute-doc-sections-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc =
  "# Title\n\nprose\n\n<!-- generated:a -->\nold a\n<!-- /generated:a -->\n\nmore prose\n<!-- generated:b -->\n<!-- /generated:b -->\n";

describe("generated sections in hand-written Markdown", () => {
  it("replaces only the body between a section's markers and keeps the prose", () => {
    const next = replaceSection(doc, "a", "new a\n", "doc.md");
    expect(next).toBe(doc.replace("old a", "new a"));
    expect(replaceSection(next, "b", "b body", "doc.md")).toContain(
      "<!-- generated:b -->\nb body\n<!-- /generated:b -->",
    );
  });

  it("lists the sections in order", () => {
    expect(listSections(doc)).toEqual(["a", "b"]);
  });

  it.each([
    ["a missing section", "c"],
    ["a section whose end comes first", "x"],
  ])("refuses %s, naming the file and the marker lines to add", (_, name) => {
    const text = `${doc}<!-- /generated:x -->\n<!-- generated:x -->\n`;
    expect(() => replaceSection(text, name, "body", "docs/quality.md")).toThrow(DocSectionError);
    expect(() => replaceSection(text, name, "body", "docs/quality.md")).toThrow(
      `docs/quality.md: no generated section "${name}": add the lines <!-- generated:${name} --> and <!-- /generated:${name} -->`,
    );
  });

  it("writes a file only when a body changed, and says which", () => {
    const file = path.join(dir, "speed.md");
    writeFileSync(file, doc);
    expect(writeSections(file, { a: "old a", b: "" })).toEqual([]);
    expect(writeSections(file, { a: "old a", b: "fresh" })).toEqual(["b"]);
    expect(readFileSync(file, "utf8")).toContain("prose\n\n<!-- generated:a -->\nold a\n");
  });
});
