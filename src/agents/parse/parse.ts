import { extractBodyCues } from "./body-sections.js";
import { extractDescriptionCues } from "./description-cues.js";
import { makeDiagnostic } from "../diagnostic.js";
import { blankOutBlocks, extractDelegations, extractExamples } from "./examples.js";
import { readFrontmatter } from "./frontmatter-read.js";
import { splitFrontmatter, type FrontmatterBlock } from "./frontmatter.js";
import { resolveLimits, type AgentLimits } from "../limits.js";
import { locateValueLines } from "./source-lines.js";
import type { AgentSpec, Diagnostic } from "../types.js";
import { binaryFile, fileTooLarge, normaliseText } from "../load/decode.js";
import { readSpecFields } from "./spec-fields.js";

export interface ParseOptions {
  /** Absolute path to record in the spec (defaults to `file`). */
  path?: string;
  limits?: Partial<AgentLimits>;
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
  return buildSpec(split.block, file, options.path ?? file, limits);
}

function buildSpec(block: FrontmatterBlock, file: string, path: string, limits: AgentLimits): ParseResult {
  const front = readFrontmatter(block, file, limits.maxYamlNodes);
  const diagnostics = [...front.diagnostics];
  if (front.diagnostics.some((d) => d.severity === "error") && !front.recovered) return { diagnostics };
  const fields = readSpecFields(front.data, front.keyLines, file, block.yamlLine);
  diagnostics.push(...fields.diagnostics);
  if (fields.name === undefined || fields.description === undefined) return { diagnostics };
  const descriptionLine = front.keyLines.description ?? block.yamlLine;
  const locate = locateValueLines(fields.description, descriptionRawLines(block, front.keyLines, descriptionLine));
  const blanked = blankOutBlocks(fields.description);
  const cues = extractDescriptionCues(blanked, locate);
  const { examples, missingUser } = extractExamples(fields.description, locate);
  for (const line of missingUser) {
    diagnostics.push(makeDiagnostic(file, line, "warning", "example-without-user", "<example> block has no `user:` line, so it gives the router nothing to match", "Add a line `user: \"what the user would type\"` inside the block."));
  }
  const body = extractBodyCues(block.body, block.bodyLine);
  const agent: AgentSpec = {
    name: fields.name,
    file,
    path,
    description: fields.description,
    descriptionLine,
    tools: fields.tools,
    frontmatter: front.data,
    ...cues,
    engage: body.engage,
    notEngage: [...body.notEngage, ...extractDelegations(fields.description, locate)],
    capabilities: body.capabilities,
    examples,
    body: block.body,
    bodyLine: block.bodyLine,
  };
  if (front.keyLines.name !== undefined) agent.nameLine = front.keyLines.name;
  if (fields.model !== undefined) agent.model = fields.model;
  if (fields.color !== undefined) agent.color = fields.color;
  return { agent, diagnostics };
}

/** The raw lines of the `description:` value: its key line up to the next top-level key. */
function descriptionRawLines(block: FrontmatterBlock, keyLines: Record<string, number>, descriptionLine: number) {
  const lines = block.yaml.split("\n");
  const next = Math.min(...Object.values(keyLines).filter((l) => l > descriptionLine), block.yamlLine + lines.length);
  return lines
    .map((text, i) => ({ text, line: block.yamlLine + i }))
    .filter((l) => l.line >= descriptionLine && l.line < next);
}
