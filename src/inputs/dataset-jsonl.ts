import { z } from "zod";
import { AgentRouteError } from "../errors.js";
import { splitLabels } from "../eval/labels.js";
import { DATASET_LIMITS, type RawRow } from "./dataset-limits.js";

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** One JSONL line. Strict, so a misspelt key ("expeced") is an error rather than a silent none. */
const JsonlRowSchema = z.strictObject({
  prompt: z.string(),
  expected: z.union([z.array(z.string()), z.string()]),
  tags: z.record(z.string(), scalar).optional(),
  id: z.union([z.string(), z.number()]).optional(),
});

/**
 * Parses JSON Lines (`{"prompt": "...", "expected": ["a"], "tags": {...}}`, one object a line;
 * `expected` may be "a|b"; `[]` or "" means none) into raw rows. Blank lines are ignored.
 *
 * @example
 * parseJsonlRows('{"prompt":"hi","expected":[]}\n', "d.jsonl")
 * // [{ line: 1, prompt: "hi", labels: [], tags: {} }]
 */
export function parseJsonlRows(text: string, file: string): RawRow[] {
  const rows: RawRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === "") return;
    if (content.length > DATASET_LIMITS.maxLineChars) {
      throw new AgentRouteError(
        "LIMIT_EXCEEDED",
        `${file}:${line}: line is ${content.length} characters long (limit ${DATASET_LIMITS.maxLineChars})`,
        {
          hint: "Shorten the prompt; datasets hold one prompt per line.",
          file,
          line,
        },
      );
    }
    rows.push(parseLine(content, file, line));
  });
  return rows;
}

function parseLine(content: string, file: string, line: number): RawRow {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (err) {
    throw new AgentRouteError("DATASET_INVALID", `${file}:${line}: not valid JSON (${(err as Error).message})`, {
      hint: 'Each line must be one JSON object, e.g. {"prompt": "fix the build", "expected": ["devops"]}.',
      file,
      line,
      cause: err,
    });
  }
  const parsed = JsonlRowSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    throw new AgentRouteError("DATASET_INVALID", `${file}:${line}: ${issue?.message ?? "invalid row"}${where}`, {
      hint: 'Use {"prompt": string, "expected": string[] | "a|b", "tags"?: {name: string}}; [] means no agent.',
      file,
      line,
    });
  }
  const { prompt, expected } = parsed.data;
  const labels = typeof expected === "string" ? splitLabels(expected) : expected.flatMap(splitLabels);
  // Tags from the validated JSON itself: zod's record drops a "__proto__" key, a tag like any other.
  const rawTags = (value as { tags?: Record<string, string | number | boolean> }).tags ?? {};
  const tags = Object.fromEntries(Object.entries(rawTags).map(([k, v]) => [k, String(v)]));
  return { line, prompt, labels, tags: dropEmpty(tags) };
}

function dropEmpty(tags: Record<string, string>): Record<string, string> {
  // Object.fromEntries defines own keys, so a `__proto__` tag stays a tag.
  return Object.fromEntries(Object.entries(tags).filter(([, value]) => value.trim() !== ""));
}
