import { UserError } from './errors.js';

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new UserError('validation', 'csv_invalid', 'The CSV has an unclosed quote');
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

const LIST_FIELDS = new Set(['keyPoints', 'platforms', 'palette']);
const NUMBER_FIELDS = new Set(['durationSeconds']);

/**
 * A series of briefs from CSV: a header row of brief field names (topic required), one brief per row; list fields
 * (keyPoints, platforms, palette) separated by "|". Values are validated later by the brief schema.
 */
export function briefsFromCsv(text: string): Record<string, unknown>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new UserError('validation', 'csv_empty', 'The CSV is empty');
  const columns = header.map((h) => h.trim());
  if (!columns.includes('topic'))
    throw new UserError('validation', 'csv_no_topic', 'The CSV needs a "topic" column');
  if (rows.length === 0) throw new UserError('validation', 'csv_empty', 'The CSV has a header but no briefs');
  return rows.map((row) => {
    const brief: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = (row[i] ?? '').trim();
      if (value === '') return;
      if (LIST_FIELDS.has(column))
        brief[column] = value
          .split('|')
          .map((v) => v.trim())
          .filter(Boolean);
      else if (NUMBER_FIELDS.has(column)) brief[column] = Number(value);
      else brief[column] = value;
    });
    return brief;
  });
}
