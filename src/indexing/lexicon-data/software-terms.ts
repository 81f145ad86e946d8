/**
 * A hand-made software-terms lexicon: developer tools and jargon that Wappalyzer (web
 * technologies) and GitHub Linguist (languages) lack or file under the wrong heading: test
 * frameworks, IaC, CI/CD, containers, databases and their jargon, observability, security tools
 * and attack names, data and ML stacks, mobile, frontend build tools, accessibility, docs,
 * performance. Written for agentroute from the tools' own documentation; it names no agent and
 * was not fitted to any agent set. An entry here sets the categories of a generated entry of the
 * same name (keeping its aliases), and its aliases take precedence over generated ones.
 *
 * Format, one term a line: "canonical | categories | aliases | context words".
 * - The canonical name is matched too, unless it ends with "-" (a name kept for its aliases).
 * - A name or alias ending with "~" is an everyday English word or has two letters or fewer
 *   ("jest", "react", "go", "pg"), or a rare word with another everyday sense ("cypress",
 *   "prometheus"): it counts only when written capitalised inside a sentence ("our Go
 *   service"), or when the prompt also holds a word of its categories, one of its context
 *   words, or another found term of a shared category. "!" vouches for a short or common
 *   word that is unambiguous in software ("js", "readme").
 * - Context words (optional) are extra companions for "~" names: "go~ ... | goroutine, gofmt".
 * tests/indexing/lexicon.test.ts checks every "~"/"!" mark against WordNet and the categories.
 */
import { DEV_TERMS } from "./software-terms-dev.js";
import { OPS_TERMS } from "./software-terms-ops.js";

/** Every hand-made entry, one line each (split in two files only to keep files short). */
export const SOFTWARE_TERMS: readonly string[] = [...OPS_TERMS, ...DEV_TERMS];
