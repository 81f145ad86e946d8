import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/shared.js";

/** Docs pages written on other branches of the same change; links to them are allowed until they land. */
const PENDING = new Set<string>([]);

const pages = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(path.join(REPO_ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const read = (page: string) => readFileSync(path.join(REPO_ROOT, page), "utf8");

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as "-". */
function anchorsOf(page: string): Set<string> {
  const headings = [...read(page).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!);
  return new Set(
    headings.map((h) =>
      h
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-"),
    ),
  );
}

describe("README.md", () => {
  it("stays short: at most 250 lines, the rest lives in docs/", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("shows the two commands a newcomer needs", () => {
    expect(read("README.md")).toContain("npm ci && npm start");
    expect(read("README.md")).toContain("npm test");
  });
});

describe.each(pages)("%s", (page) => {
  it("shows no path from the machine it was written on", () => {
    expect(read(page).match(/(?<![\w.~])\/(?:work|home|Users|root|tmp)\/[\w.-]+/g) ?? []).toEqual([]);
  });

  it("links only to files that exist", () => {
    const links = [...read(page).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^[a-z]+:/.test(l));
    const targets = links.map((l) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(page), l)));
    expect(targets.filter((t) => !existsSync(path.join(REPO_ROOT, t)) && !PENDING.has(t))).toEqual([]);
  });

  it("links only to headings that exist", () => {
    const links = [...read(page).matchAll(/\]\(([^)#\s]*)#([^)\s]+)\)/g)].map((m) => ({ file: m[1]!, anchor: m[2]! }));
    const broken = links.filter(({ file, anchor }) => {
      const target = file === "" ? page : path.relative(REPO_ROOT, path.resolve(REPO_ROOT, path.dirname(page), file));
      return existsSync(path.join(REPO_ROOT, target)) && !anchorsOf(target).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
