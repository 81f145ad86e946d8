/**
 * Text normalisation shared by every lexical part of the router: the keyword index,
 * trigger matching and the learned head's features. One function each, all pure.
 */
import { porterStem, STOPWORDS } from "../util/natural.js";

const MAX_CHARS = 20_000;

/**
 * Lower-cases, folds Unicode compatibility forms and accents, and drops apostrophes,
 * so "What's", "whats" and "WHAT’S" become one token.
 * @example normalizeText("CI/CD Pipeline’s") === "ci/cd pipelines"
 */
export function normalizeText(text: string): string {
  return text
    .slice(0, MAX_CHARS)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`´]/g, "");
}

/**
 * Word tokens: letters and digits, keeping `+` and `#` inside names ("c++", "c#").
 * Separators such as `/`, `-`, `_` and `.` split, so "ci/cd", "ci-cd" and "ci cd" all give ["ci", "cd"].
 * @example tokenize("Fix the CI-CD pipeline (c++)") // ["fix", "the", "ci", "cd", "pipeline", "c++"]
 */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(/[a-z0-9]+(?:[+#]+)?/g) ?? [];
}

const stemCache = new Map<string, string>();

/** Porter stem with a memo (stemming dominates lexical cost otherwise). */
export function stem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = /^[a-z]+$/.test(token) && token.length > 2 ? porterStem(token) : token;
    if (stemCache.size < 200_000) stemCache.set(token, s);
  }
  return s;
}

/** Stems of every token, stop words included (for phrase matching: "not working"). */
export function stemAll(text: string): string[] {
  return tokenize(text).map(stem);
}

/** Stems of content words: stop words and one-letter tokens removed. */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t))
    .map(stem);
}

/**
 * Whether `phrase` (already stemmed) occurs as a contiguous run in `tokens` (stemmed).
 * @example containsPhrase(["my","ci","cd","pipelin","fail"], ["ci","cd"]) === true
 */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > tokens.length) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}
