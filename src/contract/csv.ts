// CSV writing shared by every export (server jobs and browser downloads).

/** Characters that make a spreadsheet read a cell as a formula (or hide one after a tab/CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: RFC 4180 quoting, and cells that a spreadsheet would evaluate as a formula are
 * prefixed with a single quote so they are shown as text (CSV injection).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  // Numbers are data, not formulas: a negative number stays a number.
  let s = String(value);
  if (typeof value !== "number" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF line end. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvCell).join(",") + "\r\n";
}
