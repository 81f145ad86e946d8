import { z } from "zod";
import { makeDiagnostic } from "../diagnostic.js";
import type { Diagnostic } from "../types.js";

/** The frontmatter keys routing needs, validated once here; other keys pass through untouched. */
export interface SpecFields {
  name?: string;
  description?: string;
  tools: string[];
  model?: string;
  color?: string;
  /** A skill's `when_to_use`. */
  whenToUse?: string;
  diagnostics: Diagnostic[];
}

const TEXT = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
const TOOLS = z.union([z.string(), z.array(z.union([z.string(), z.number()]))]);

/**
 * Reads `name`, `description`, `tools`, `model` and `color` from parsed frontmatter.
 * A missing or empty name/description is an error (the file cannot be routed to);
 * a value of the wrong type is reported and ignored.
 *
 * @example
 * readSpecFields({ name: "a", description: "b", tools: "Read, Grep" }, { name: 2 }, "a.md", 2).tools // ["Read", "Grep"]
 */
export function readSpecFields(
  data: Record<string, unknown>, keyLines: Record<string, number>, file: string, yamlLine: number,
  options: { defaultName?: string } = {},
): SpecFields {
  const diagnostics: Diagnostic[] = [];
  const text = (key: "name" | "description" | "model" | "color" | "when_to_use", required: boolean): string | undefined => {
    const line = keyLines[key] ?? yamlLine;
    const value = data[key];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      if (required) {
        const what = value === undefined ? "has no" : "has an empty";
        diagnostics.push(makeDiagnostic(file, line, "error", `missing-${key}`, `frontmatter ${what} \`${key}\`; the agent cannot be routed to`, `Add \`${key}: …\` to the frontmatter.`));
      }
      return undefined;
    }
    const parsed = TEXT.safeParse(value);
    if (parsed.success) return parsed.data;
    diagnostics.push(makeDiagnostic(file, line, required ? "error" : "warning", "invalid-field", `\`${key}\` must be text, got ${Array.isArray(value) ? "a list" : typeof value}`, `Write \`${key}\` as a single line of text.`));
    return undefined;
  };
  const fields: SpecFields = { tools: readTools(data.tools, keyLines.tools ?? yamlLine, file, diagnostics), diagnostics };
  // A skill may leave `name` out: Claude Code then names it after its folder.
  const name = text("name", options.defaultName === undefined) ?? options.defaultName;
  const description = text("description", true);
  const model = text("model", false);
  const color = text("color", false);
  const whenToUse = text("when_to_use", false);
  if (whenToUse !== undefined) fields.whenToUse = whenToUse;
  if (name !== undefined) fields.name = name;
  if (description !== undefined) fields.description = description;
  if (model !== undefined) fields.model = model;
  if (color !== undefined) fields.color = color;
  return fields;
}

/** `tools: Read, Grep` or `tools: [Read, Grep]`; absent means "inherits every tool" (empty list). */
function readTools(value: unknown, line: number, file: string, diagnostics: Diagnostic[]): string[] {
  if (value === undefined || value === null) return [];
  const parsed = TOOLS.safeParse(value);
  if (!parsed.success) {
    diagnostics.push(makeDiagnostic(file, line, "warning", "invalid-field", "`tools` must be a comma-separated string or a list of names", "Write e.g. `tools: Read, Grep, Bash`."));
    return [];
  }
  const list = typeof parsed.data === "string" ? parsed.data.split(",") : parsed.data.map(String);
  return list.map((t) => t.trim()).filter((t) => t !== "");
}
