/**
 * The parts of `natural` agentroute uses, imported by file. Importing the package root
 * loads its storage back ends (mongoose, pg, redis, dotenv): over a second of start-up and
 * dotenv's banner on stdout, which would corrupt `--json` output. Always import from here.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(token: string): string;
}
interface Distances {
  LevenshteinDistance(a: string, b: string, options?: Record<string, number>): number;
  DamerauLevenshteinDistance(a: string, b: string, options?: Record<string, unknown>): number;
}

const porter = require("natural/lib/natural/stemmers/porter_stemmer.js") as Stemmer;
const distances = require("natural/lib/natural/distance/levenshtein_distance.js") as Distances;
const stopwordList = (require("natural/lib/natural/util/stopwords.js") as { words: string[] }).words;

/** Porter stem of one lower-case token: `porterStem("crashes") === "crash"`. */
export function porterStem(token: string): string {
  return porter.stem(token);
}

/** Edit distance with transpositions: `damerauLevenshtein("tset", "test") === 1`. */
export function damerauLevenshtein(a: string, b: string): number {
  return distances.DamerauLevenshteinDistance(a, b);
}

/** natural's English stop-word list (170 words). */
export const STOPWORDS: ReadonlySet<string> = new Set(stopwordList);
