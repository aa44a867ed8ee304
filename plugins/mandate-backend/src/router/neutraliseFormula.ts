/** What a spreadsheet may read as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a `'` to a CSV cell that a spreadsheet would otherwise run as a formula, e.g. an
 * evidence line `=HYPERLINK(...)` that came from a catalog entity. The `'` shows the cell as
 * text in Excel, LibreOffice and Google Sheets; other cells are left as they are.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
