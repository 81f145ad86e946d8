/**
 * Finding the agents a not-engage bullet sends work to. A name is a lowercase word or a
 * kebab-case compound ("debugger", "api-architect"); it counts only after a redirect phrase
 * or inside backticks, and a single plain word counts only when it ends the list, so
 * "(use appropriate engineer)" or "better suited for dedicated frontend/backend engineers"
 * redirect nowhere. Names are not checked against the set here; lint does that.
 */

const NAME = "[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*";
const CUE = new RegExp(
  String.raw`(?:\buse\s+the\b|\buse\b|\bbetter\s+(?:suited|handled|served)\s+(?:for|by)\b|\bhandled\s+by\b|\brequir(?:es|ing)\b|\bdelegate(?:s|d)?\s+to\b|\bhand(?:\s+|-)?off\s+to\b|\bhand\s+(?:it\s+)?(?:off\s+)?to\b|\bdefer\s+to\b|\broute\s+to\b|\bescalate\s+to\b|\bsee\b|\binstead\s+use\b|\bprefer\b|→|->)\s*`,
  "gi",
);
const LIST_ITEM = new RegExp(String.raw`(?:\s*[,/]\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+|\s*)(\`?)(${NAME})\1`, "y");
const LIST_END = /^\s*(?:$|[),.;:!?]|\s(?:for|instead|when|if|agent|agents|subagent)\b)/;
const STOP_WORDS = new Set(["a", "an", "the", "this", "that", "it", "them", "other", "another", "appropriate", "dedicated", "specialized", "caution", "cases", "case"]);

/**
 * Agent names a not-engage bullet redirects to, in order of appearance, without duplicates.
 *
 * @example
 * extractRedirects("Tasks better suited for api-architect or database-admin") // ["api-architect", "database-admin"]
 * extractRedirects("Debugging or troubleshooting (use debugger)")             // ["debugger"]
 */
export function extractRedirects(text: string): string[] {
  const names: string[] = [];
  for (const cue of text.matchAll(CUE)) names.push(...readNameList(text, cue.index + cue[0].length));
  for (const tick of text.matchAll(new RegExp(String.raw`\`(${NAME})\``, "g"))) {
    if (tick[1]?.includes("-")) names.push(tick[1]);
  }
  return unique(names);
}

/**
 * Every agent-like name in a text that is a redirect by definition (a delegation's `Target:`).
 *
 * @example
 * extractRedirectNames("react-specialist or vue-specialist") // ["react-specialist", "vue-specialist"]
 */
export function extractRedirectNames(text: string): string[] {
  // "[framework]-api-architect" is a template, not an agent; "universal/api-architect" names api-architect.
  const withoutTemplates = text.replace(/\[[^\]\n]{0,80}\][\w-]*/g, " ");
  const names = [...withoutTemplates.matchAll(/[\w/-]+/g)]
    .map((m) => m[0].split("/").pop() ?? "")
    .filter((token) => new RegExp(`^${NAME}$`).test(token))
    .filter((name) => /[-_]/.test(name) || (!STOP_WORDS.has(name) && !["or", "and"].includes(name)));
  return unique(names);
}

/** Reads `name (, | or | and | /) name …` starting at `from`; single words must close the list. */
function readNameList(text: string, from: number): string[] {
  const found: string[] = [];
  LIST_ITEM.lastIndex = from;
  for (let m = LIST_ITEM.exec(text); m; m = LIST_ITEM.exec(text)) {
    const name = m[2] ?? "";
    // Only the next few characters decide; a bounded window keeps long bullets linear.
    const after = text.slice(LIST_ITEM.lastIndex, LIST_ITEM.lastIndex + 24);
    const atEnd = LIST_ITEM.lastIndex + 24 >= text.length;
    const closes = atEnd ? LIST_END.test(after) : LIST_END.test(after) && !/^\s*$/.test(after);
    const closesOrContinues = closes || /^\s*(?:,|\bor\b|\band\b|\/)/.test(after);
    const isKebab = /[-_]/.test(name);
    if (!isKebab && (STOP_WORDS.has(name) || !closesOrContinues)) break;
    found.push(name);
    if (!closesOrContinues) break;
  }
  return found;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
