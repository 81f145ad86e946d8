/**
 * RFC 4180 quoting: a cell with a comma, quote, line break or edge space is quoted, quotes
 * doubled. A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe; the dataset reader takes it off again (see `unneutraliseCell`).
 *
 * @example
 * quoteCsvCell('say "hi", then go') // '"say ""hi"", then go"'
 * quoteCsvCell("=HYPERLINK(\"http://x\")") // '"\'=HYPERLINK(""http://x"")"'
 */
export function quoteCsvCell(cell: string): string {
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Takes off the apostrophe `quoteCsvCell` put before a formula-like cell.
 *
 * @example
 * unneutraliseCell("'=1+1") // "=1+1"
 */
export function unneutraliseCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
