// Every report downloads as CSV (issue 19): `?format=csv` or `Accept: text/csv`. Written with
// csv-stringify (quoting, embedded newlines, a formula-safe first character are not worth hand-writing).
import { stringify } from 'csv-stringify/sync';
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';

export const FormatQuery = z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the same report as a CSV download (or send Accept: text/csv)' });

/** The report's answer: JSON, or the same figures as CSV. */
export const reportResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: {
    'application/json': { schema },
    'text/csv': { schema: z.string().openapi({ description: 'The same report, one row per line, with a header row' }) },
  },
  description,
});

export function wantsCsv(c: Context, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = c.req.header('accept') ?? '';
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

export type Cell = string | number | boolean | null | undefined;

// A cell starting with = + - @ is a formula to a spreadsheet: prefixed so it stays text (OWASP CSV injection).
const safe = (v: Cell) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function csvAnswer(c: Context, name: string, columns: string[], rows: Array<Record<string, Cell>>): Response {
  const body = stringify(rows.map((r) => columns.map((k) => safe(r[k]))), { header: true, columns });
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
}
