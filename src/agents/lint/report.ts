import type { AgentExample, AgentSet, Diagnostic, NotEngageRule, SourceText } from "../types.js";

/** One agent as `agentroute lint --json` prints it: its name, file and routing cues. */
export interface LintReportAgent {
  name: string;
  file: string;
  triggers: SourceText[];
  mustBeUsed: SourceText[];
  proactive: SourceText[];
  engage: SourceText[];
  notEngage: NotEngageRule[];
  capabilities: SourceText[];
  examples: AgentExample[];
}

/**
 * The stable JSON shape of `agentroute lint --json` (documented in the README; other tools
 * read it, so fields are only ever added). `file` is relative to the linted folder.
 */
export interface LintReport {
  agents: LintReportAgent[];
  diagnostics: Diagnostic[];
}

/**
 * Projects a set and its lint diagnostics onto the `--json` shape, with keys in a fixed order.
 *
 * @example
 * JSON.stringify(buildLintReport(set, lintAgents(set)), null, 2)
 */
export function buildLintReport(set: AgentSet, diagnostics: readonly Diagnostic[]): LintReport {
  return {
    agents: set.agents.map((a) => ({
      name: a.name,
      file: a.file,
      triggers: a.triggers.map(copyText),
      mustBeUsed: a.mustBeUsed.map(copyText),
      proactive: a.proactive.map(copyText),
      engage: a.engage.map(copyText),
      notEngage: a.notEngage.map((r) => ({ text: r.text, line: r.line, redirects: [...r.redirects] })),
      capabilities: a.capabilities.map(copyText),
      examples: a.examples.map(copyExample),
    })),
    diagnostics: diagnostics.map((d) => ({ file: d.file, line: d.line, severity: d.severity, code: d.code, message: d.message, hint: d.hint })),
  };
}

function copyText(t: SourceText): SourceText {
  return { text: t.text, line: t.line };
}

function copyExample(e: AgentExample): AgentExample {
  const out: AgentExample = { user: e.user, line: e.line };
  if (e.context !== undefined) out.context = e.context;
  if (e.assistant !== undefined) out.assistant = e.assistant;
  if (e.commentary !== undefined) out.commentary = e.commentary;
  return out;
}
