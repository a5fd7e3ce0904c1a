/** A CSV cell: text, a number, or empty (null). */
export type CsvCell = string | number | null;

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection); OWASP adds tab and CR.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell, made inert for spreadsheets (a leading ') and quoted per RFC 4180 when it must be. */
function textCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record with its CRLF line end (RFC 4180). Numbers are written as numbers, never prefixed. */
export function csvRow(cells: readonly CsvCell[]): string {
  const fields = cells.map((cell) => {
    if (cell === null) return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
    return textCell(cell);
  });
  return `${fields.join(',')}\r\n`;
}
