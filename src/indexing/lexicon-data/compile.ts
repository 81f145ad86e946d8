/**
 * Compiles the lexicon (rows of generated-terms.ts, lines of software-terms.ts) into an alias table.
 * Runs once at module load; pure apart from that.
 */
import { CATEGORY_COMPANIONS, CATEGORY_WORDS, type Category } from "./categories.js";

/** One term after merging the sources. */
export interface CompiledTerm {
  term: string;
  categories: readonly string[];
  /** Generic words of the categories, de-duplicated, in category order. */
  words: readonly string[];
  /**
   * Words that confirm an ambiguous alias: the category words and companions, and the term's
   * context words. Exact tokens, not Porter stems: stemming makes "United" confirm "unit".
   */
  context: ReadonlySet<string>;
}

/** Where an alias points: a term, and whether the alias needs a companion word. */
export interface AliasHit {
  term: number;
  ambiguous: boolean;
}

/**
 * Aliases keyed by their space-joined tokens ("github actions"), plus, per first token, the
 * longest alias starting with it, so a scan tries only the lengths that can match.
 */
export interface CompiledLexicon {
  terms: CompiledTerm[];
  phrases: Map<string, AliasHit>;
  longest: Map<string, number>;
  /** Every token of every alias (for the plural fallback: "snapshots" → "snapshot"). */
  vocabulary: Set<string>;
}

/** A generated term: [canonical, matched itself (1) or only through aliases (0), categories, aliases]. */
export type GeneratedRow = readonly [string, 0 | 1, readonly string[], readonly string[]];

interface Alias {
  text: string;
  ambiguous: boolean;
}
interface ParsedTerm {
  term: string;
  categories: string[];
  aliases: Alias[];
  context: string[];
}

/** The matcher's tokens: letters/digits, `+`/`#` kept ("c++", "n+1"), a leading dot kept (".net"). */
export const TOKEN_PATTERN = /(?:(?<![A-Za-z0-9])\.)?[A-Za-z0-9]+(?:[+#]+)?/g;

/** @example tokenizeTerm("Next.js") // ["next", "js"] */
export function tokenizeTerm(text: string): string[] {
  const lower = text.toLowerCase();
  // Most names are one plain word: skip the regex for them (compiling runs over ~5,000 aliases).
  return /^[a-z0-9]+$/.test(lower) ? [lower] : (lower.match(TOKEN_PATTERN) ?? []);
}

function parseAlias(raw: string): Alias & { plain: boolean; matched: boolean } {
  const text = raw.trim().toLowerCase();
  const mark = text.at(-1);
  const bare = mark === "~" || mark === "!" || mark === "-" ? text.slice(0, -1).trim() : text;
  return { text: bare, ambiguous: mark === "~", plain: mark === "!", matched: mark !== "-" };
}

function checkCategories(categories: readonly string[], where: string): void {
  for (const c of categories) {
    if (!(c in CATEGORY_WORDS)) throw new Error(`lexicon: unknown category "${c}" in ${where}`);
  }
}

/**
 * Parses one hand-made line "canonical | categories | aliases | context".
 * @example parseTermLine("pg~ | database | postgres") // { term: "pg", aliases: [{ text: "pg", ambiguous: true }, …], … }
 */
export function parseTermLine(line: string): ParsedTerm {
  const [head = "", cats = "", aliases = "", context = ""] = line.split("|");
  const name = parseAlias(head);
  const categories = cats.trim().split(/\s+/).filter(Boolean);
  checkCategories(categories, `"${line}"`);
  const list = aliases
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean)
    .map(parseAlias);
  return {
    term: name.text,
    categories,
    aliases: [...(name.matched ? [name] : []), ...list].map(({ text, ambiguous }) => ({ text, ambiguous })),
    context: context.trim() === "" ? [] : context.split(",").flatMap(tokenizeTerm),
  };
}

/** A generated row as a parsed term (its aliases are never ambiguous: the generator dropped those). */
export function parseGeneratedRow([term, matched, categories, aliases]: GeneratedRow): ParsedTerm {
  checkCategories(categories, `generated term "${term}"`);
  const all = matched ? [term, ...aliases] : aliases;
  return { term, categories: [...categories], aliases: all.map((text) => ({ text, ambiguous: false })), context: [] };
}

/** Generated entries first; a hand-made entry of the same name sets the categories and adds aliases. */
function mergeSources(
  generated: readonly GeneratedRow[],
  curated: readonly string[],
): { terms: ParsedTerm[]; curated: Set<string> } {
  const byName = new Map<string, ParsedTerm>();
  for (const row of generated) byName.set(row[0], parseGeneratedRow(row));
  const hand = new Set<string>();
  for (const line of curated) {
    const t = parseTermLine(line);
    if (hand.has(t.term)) throw new Error(`lexicon: "${t.term}" is listed twice in software-terms.ts`);
    hand.add(t.term);
    const old = byName.get(t.term);
    if (old) t.aliases.push(...old.aliases.filter((a) => !t.aliases.some((b) => b.text === a.text)));
    byName.set(t.term, t);
  }
  return { terms: [...byName.values()], curated: hand };
}

/** Thousands of terms share a few hundred category sets: build each words list and context set once. */
function makeTermCompiler(): (t: ParsedTerm) => CompiledTerm {
  const shared = new Map<string, { words: string[]; context: Set<string> }>();
  return (t) => {
    const key = `${t.categories.join(" ")}|${t.context.join(" ")}`;
    let s = shared.get(key);
    if (!s) {
      const words = [...new Set(t.categories.flatMap((c) => CATEGORY_WORDS[c as Category]))];
      const companions = t.categories.flatMap((c) => CATEGORY_COMPANIONS[c as Category]);
      s = { words, context: new Set([...words, ...companions, ...t.context]) };
      shared.set(key, s);
    }
    return { term: t.term, categories: t.categories, words: s.words, context: s.context };
  };
}

/**
 * Builds the alias table. Hand-made terms come first, so an alias both lists claim
 * ("terraform": Linguist files it under HCL) goes to the hand-made term; otherwise the first
 * term by name wins.
 */
export function compileLexicon(generated: readonly GeneratedRow[], curated: readonly string[]): CompiledLexicon {
  const merged = mergeSources(generated, curated);
  const ordered = [
    ...merged.terms.filter((t) => merged.curated.has(t.term)),
    ...merged.terms.filter((t) => !merged.curated.has(t.term)).sort((a, b) => (a.term < b.term ? -1 : 1)),
  ];
  const lex: CompiledLexicon = {
    terms: ordered.map(makeTermCompiler()),
    phrases: new Map(),
    longest: new Map(),
    vocabulary: new Set(),
  };
  ordered.forEach((t, term) => {
    for (const a of t.aliases) {
      const tokens = tokenizeTerm(a.text);
      const key = tokens.join(" ");
      if (tokens.length === 0 || lex.phrases.has(key)) continue;
      lex.phrases.set(key, { term, ambiguous: a.ambiguous });
      lex.longest.set(tokens[0]!, Math.max(lex.longest.get(tokens[0]!) ?? 0, tokens.length));
      for (const tok of tokens) lex.vocabulary.add(tok);
    }
  });
  return lex;
}
