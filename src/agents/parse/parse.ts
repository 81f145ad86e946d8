import { extractBodyCues } from "./body-sections.js";
import { extractDescriptionCues } from "./description-cues.js";
import { makeDiagnostic } from "../diagnostic.js";
import { blankOutBlocks, extractDelegations, extractExamples } from "./examples.js";
import { readFrontmatter } from "./frontmatter-read.js";
import { splitFrontmatter, type FrontmatterBlock } from "./frontmatter.js";
import { resolveLimits, type AgentLimits } from "../limits.js";
import { locateValueLines } from "./source-lines.js";
import type { AgentKind, AgentSpec, Diagnostic } from "../types.js";
import { binaryFile, fileTooLarge, normaliseText } from "../load/decode.js";
import { readSpecFields } from "./spec-fields.js";

export interface ParseOptions {
  /** Absolute path to record in the spec (defaults to `file`). */
  path?: string;
  limits?: Partial<AgentLimits>;
  /** "skill" for a `SKILL.md`: `name` may be left out (the folder's name is used). */
  kind?: AgentKind;
}

export interface ParseResult {
  agent?: AgentSpec;
  diagnostics: Diagnostic[];
}

/**
 * Parses one agent file's text into an AgentSpec with every routing cue and its line.
 * Pure and total: bad input gives diagnostics (and no agent when it cannot be read safely),
 * never an exception. Frontmatter is split by line and read as YAML data only; nothing in
 * the file is ever executed.
 *
 * @example
 * const { agent } = parseAgentFile("---\nname: debugger\ndescription: Use PROACTIVELY for crashes.\n---\n", "debugger.md");
 * agent?.proactive // [{ text: "crashes", line: 3 }]
 */
export function parseAgentFile(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const limits = resolveLimits(options.limits);
  const size = Buffer.byteLength(text, "utf8");
  if (size > limits.maxFileBytes) return { diagnostics: [fileTooLarge(file, size, limits.maxFileBytes)] };
  const nul = text.indexOf("\0");
  if (nul !== -1) return { diagnostics: [binaryFile(file, text.slice(0, nul).split("\n").length)] };
  const normal = normaliseText(text);
  const split = splitFrontmatter(normal, file, limits.maxFrontmatterChars);
  if (split.kind === "error") return { diagnostics: [split.diagnostic] };
  if (split.kind === "none") {
    return { diagnostics: [makeDiagnostic(file, 1, "warning", "no-frontmatter", "file has no `---` frontmatter, so it is not an agent", "Add frontmatter with `name` and `description`, or move the file out of the agents folder.")] };
  }
  return buildSpec(split.block, file, options.path ?? file, limits, options.kind ?? "agent");
}

function buildSpec(block: FrontmatterBlock, file: string, path: string, limits: AgentLimits, kind: AgentKind): ParseResult {
  const front = readFrontmatter(block, file, limits.maxYamlNodes);
  const diagnostics = [...front.diagnostics];
  if (front.diagnostics.some((d) => d.severity === "error") && !front.recovered) return { diagnostics };
  const defaultName = kind === "skill" ? skillFolderName(file) : undefined;
  const fields = readSpecFields(front.data, front.keyLines, file, block.yamlLine, { defaultName });
  diagnostics.push(...fields.diagnostics);
  if (fields.name === undefined || fields.description === undefined) return { diagnostics };
  const descriptionLine = front.keyLines.description ?? block.yamlLine;
  const locate = locateValueLines(fields.description, descriptionRawLines(block, front.keyLines, descriptionLine));
  const blanked = blankOutBlocks(fields.description);
  const cues = extractDescriptionCues(blanked, locate);
  const { examples, missingUser, escaped } = extractExamples(fields.description, locate);
  if (escaped > 0) diagnostics.push(escapedNewlines(file, descriptionLine, escaped));
  for (const line of missingUser) {
    diagnostics.push(makeDiagnostic(file, line, "warning", "example-without-user", "<example> block has no `user:` line, so it gives the router nothing to match", "Add a line `user: \"what the user would type\"` inside the block."));
  }
  const body = extractBodyCues(block.body, block.bodyLine);
  // Claude Code lists a skill as "description - when_to_use": when_to_use says when to engage.
  const whenToUse = fields.whenToUse === undefined ? [] : [{ text: fields.whenToUse, line: front.keyLines.when_to_use ?? descriptionLine }];
  const agent: AgentSpec = {
    name: fields.name,
    file,
    path,
    description: fields.description,
    descriptionLine,
    tools: fields.tools,
    frontmatter: front.data,
    ...cues,
    engage: [...whenToUse, ...body.engage],
    notEngage: [...body.notEngage, ...extractDelegations(fields.description, locate)],
    capabilities: body.capabilities,
    examples,
    body: block.body,
    bodyLine: block.bodyLine,
  };
  if (front.keyLines.name !== undefined) agent.nameLine = front.keyLines.name;
  if (fields.model !== undefined) agent.model = fields.model;
  if (fields.color !== undefined) agent.color = fields.color;
  if (kind === "skill") agent.kind = "skill";
  if (fields.whenToUse !== undefined) agent.whenToUse = fields.whenToUse;
  return { agent, diagnostics };
}

/** The folder a `SKILL.md` sits in ("pdf" for "skills/pdf/SKILL.md"), or undefined at the top. */
function skillFolderName(file: string): string | undefined {
  const parts = file.split("/");
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/**
 * Example blocks in a one-line description whose line breaks are a backslash and an n
 * (the file has `"…\\\\n…"`, which YAML keeps as two characters):
 * Claude Code shows the model the backslashes, not line breaks. The examples are still read.
 */
function escapedNewlines(file: string, line: number, count: number): Diagnostic {
  return makeDiagnostic(file, line, "warning", "escaped-newlines",
    `<example> blocks are written with ${count} literal \\n escape${count === 1 ? "" : "s"} in a one-line description; Claude Code shows them as backslash-n, not line breaks`,
    "Use real line breaks: a YAML block (`description: |`), or `\\n` (one backslash) inside double quotes.");
}

/** The raw lines of the `description:` value: its key line up to the next top-level key. */
function descriptionRawLines(block: FrontmatterBlock, keyLines: Record<string, number>, descriptionLine: number) {
  const lines = block.yaml.split("\n");
  const next = Math.min(...Object.values(keyLines).filter((l) => l > descriptionLine), block.yamlLine + lines.length);
  return lines
    .map((text, i) => ({ text, line: block.yamlLine + i }))
    .filter((l) => l.line >= descriptionLine && l.line < next);
}
