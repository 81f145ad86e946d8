import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";
import { AgentRouteError, isAgentRouteError } from "../../errors.js";
import { readRegularFile } from "../../util/safe-read.js";
import { decodeAgentBytes, fileTooLarge } from "./decode.js";
import { compareText, makeDiagnostic, sortDiagnostics } from "../diagnostic.js";
import { resolveLimits, type AgentLimits } from "../limits.js";
import { parseAgentFile } from "../parse/parse.js";
import type { AgentSet, AgentSpec, Diagnostic } from "../types.js";
import { findAgentFiles, isAgentCandidate, isSkillFile, isSubagentFile, SKILL_FILE, type FileFilter } from "./walk.js";

/** Which files a folder load reads: subagent files, skills (`SKILL.md`), or both. */
export type LoadKind = "agents" | "skills" | "all";

const FILTERS: Record<LoadKind, FileFilter> = { agents: isSubagentFile, skills: isSkillFile, all: isAgentCandidate };

/**
 * Loads every agent under `dir` (flat, `.claude/agents/`, or `plugins/*\/agents/`). Files
 * that cannot be read or parsed become diagnostics; the rest are returned sorted by name,
 * then file. An empty set is not an error here (lint reports it; the router refuses it).
 *
 * @throws AgentRouteError NOT_FOUND when `dir` does not exist or is not a folder.
 * @example
 * const set = await loadAgents("agents");
 * set.agents.map((a) => a.name) // ["backend-engineer", "debugger", …]
 */
export async function loadAgents(
  dir: string,
  options: { limits?: Partial<AgentLimits>; kind?: LoadKind } = {},
): Promise<AgentSet> {
  const limits = resolveLimits(options.limits);
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new AgentRouteError("NOT_FOUND", `${dir}: ${info ? "not a folder" : "agents folder not found"}`, {
      hint: "Pass the folder holding the agent .md files (the default is .claude/agents if present, else agents/).",
      file: dir,
    });
  }
  const found = await findAgentFiles(root, limits, FILTERS[options.kind ?? "all"]);
  const agents: AgentSpec[] = [];
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  const hashed: { file: string; bytes: Uint8Array }[] = [];
  for (const { file, path: full } of found.files) {
    const one = await readAgentFile(file, full, limits);
    hashed.push({ file, bytes: one.bytes });
    diagnostics.push(...one.diagnostics.filter((d) => d.code !== "no-frontmatter" || !isQuietNonAgent(file)));
    if (one.agent) agents.push(one.agent);
  }
  agents.sort((a, b) => compareText(a.name, b.name) || compareText(a.file, b.file));
  return { root, agents, diagnostics: sortDiagnostics(diagnostics), hash: hashFiles(hashed) };
}

/**
 * Reads and parses one agent or skill file (`SKILL.md` is read as a skill), shown as `file`.
 * Never throws: what goes wrong is in `diagnostics`; `bytes` feed the set hash.
 *
 * @example
 * const { agent } = await readAgentFile("debugger.md", "/repo/.claude/agents/debugger.md", AGENT_LIMITS);
 */
export async function readAgentFile(
  file: string,
  full: string,
  limits: AgentLimits,
): Promise<{ agent?: AgentSpec; diagnostics: Diagnostic[]; bytes: Uint8Array }> {
  const read = await readAgentBytes(file, full, limits.maxFileBytes);
  if (read.diagnostic) return { diagnostics: [read.diagnostic], bytes: read.bytes };
  const decoded = decodeAgentBytes(read.bytes, file, limits.maxFileBytes);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic], bytes: read.bytes };
  const kind = path.basename(file) === SKILL_FILE ? "skill" : "agent";
  const result = parseAgentFile(decoded.text, file, { path: full, limits, kind });
  return { ...result, bytes: read.bytes };
}

/**
 * Loads a single agent or skill file as a set of one (`agentroute lint FILE`); `root` is its
 * folder, so the rules that compare names with file names still see the file's name.
 *
 * @example
 * (await loadAgentFile(".claude/agents/debugger.md")).agents[0].name // "debugger"
 */
export async function loadAgentFile(file: string, options: { limits?: Partial<AgentLimits> } = {}): Promise<AgentSet> {
  const limits = resolveLimits(options.limits);
  const full = path.resolve(file);
  // A SKILL.md keeps its folder in the shown name: the folder is the skill's default name.
  const root = path.dirname(path.basename(full) === SKILL_FILE ? path.dirname(full) : full);
  const shown = path.relative(root, full).split(path.sep).join("/");
  const one = await readAgentFile(shown, full, limits);
  return {
    root,
    agents: one.agent ? [one.agent] : [],
    diagnostics: sortDiagnostics(one.diagnostics),
    hash: hashFiles([{ file: shown, bytes: one.bytes }]),
  };
}

/**
 * A Markdown file without frontmatter is worth a warning where agents live (the top of the
 * folder, or any folder named `agents`); elsewhere (docs/, a category README) it is simply
 * not an agent, and saying so for every such file would bury the real findings.
 */
function isQuietNonAgent(file: string): boolean {
  const parts = file.split("/");
  const name = parts.pop() ?? "";
  if (/^readme\.md$/i.test(name)) return true;
  return parts.length > 0 && !parts.some((p) => p.toLowerCase() === "agents");
}

/**
 * Reads a regular file of at most `max` bytes, the cap enforced while reading (a `/proc`
 * file's stat size is 0, so stat alone would let it through). A FIFO, device or oversized
 * file contributes a short marker to the set hash, so the hash still changes when it does.
 */
export async function readAgentBytes(file: string, full: string, max: number): Promise<{ bytes: Uint8Array; diagnostic?: Diagnostic }> {
  try {
    return { bytes: await readRegularFile(full, max, { label: file, what: "agent file", hint: "Check the file." }) };
  } catch (err) {
    if (isAgentRouteError(err) && err.code === "LIMIT_EXCEEDED") {
      const size = (await stat(full).catch(() => null))?.size ?? 0;
      return { bytes: Buffer.from(`oversized:${size}`), diagnostic: fileTooLarge(file, size > max ? size : null, max) };
    }
    const code = isAgentRouteError(err) ? err.message.replace(`${file}: `, "") : ((err as NodeJS.ErrnoException).code ?? String(err));
    return { bytes: Buffer.from(`unreadable:${code}`), diagnostic: makeDiagnostic(file, 1, "error", "unreadable", `cannot read file (${code})`, "Check the file's permissions and that it is a regular file.") };
  }
}

/**
 * sha256 over (relative file, bytes) pairs in file order, length-prefixed so that
 * moving bytes between a name and a body cannot collide.
 */
export function hashFiles(files: { file: string; bytes: Uint8Array }[]): string {
  const hash = createHash("sha256");
  for (const { file, bytes } of [...files].sort((a, b) => compareText(a.file, b.file))) {
    hash.update(`${Buffer.byteLength(file)}:${file}\n${bytes.byteLength}:`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}
