import type { Diagnostic, Severity } from "./types.js";

/**
 * Builds a diagnostic; the argument order reads like the printed line.
 *
 * @example
 * makeDiagnostic("a.md", 3, "error", "missing-name", "no `name` key", "Add `name: my-agent`.");
 */
export function makeDiagnostic(
  file: string, line: number, severity: Severity, code: string, message: string, hint: string,
): Diagnostic {
  return { file, line, severity, code, message, hint };
}

/** Orders diagnostics by file, line, code, then message, so output never depends on read order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || compareText(a.code, b.code) || compareText(a.message, b.message),
  );
}

/** Locale-independent string order (localeCompare varies with the machine's ICU data). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
