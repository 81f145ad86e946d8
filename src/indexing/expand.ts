import { findTechTerms } from "./lexicon.js";

/**
 * The generic words implied by technology names in a text, from the software-terms lexicon:
 * "our Jest snapshots keep breaking" → ["test", "testing", …]. Both agent pieces and prompts
 * are expanded, so "Kafka" in a capability list and "RabbitMQ" in a prompt meet on "messaging".
 */
export function lexiconWords(text: string): string[] {
  const words = new Set<string>();
  for (const term of findTechTerms(text)) for (const w of term.words) words.add(w);
  return [...words];
}

/**
 * The text followed by its lexicon words (unchanged when it names no known technology).
 * Pass `words` when they are already known, to look the text up once.
 */
export function expandWithLexicon(text: string, words: readonly string[] = lexiconWords(text)): string {
  return words.length === 0 ? text : `${text} ${words.join(" ")}`;
}
