// Keyset pages ordered by (created_at, id). The cursor keeps created_at as PostgreSQL's own
// text form: a JS Date would drop the microseconds and repeat or skip rows at page edges.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor } from '../pagination.js';
import { ProblemError } from '../problem.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** The row's position, selected alongside it: `createdAtText: createdAtText(table.createdAt)`. */
export const createdAtText = (createdAt: PgColumn) => sql<string>`${createdAt}::text`;

/** The condition "after the cursor", or undefined on the first page; a forged cursor is a 400. */
export function afterCursor(createdAt: PgColumn, id: PgColumn, raw: string | undefined): SQL | undefined {
  const c = decodeCursor(raw);
  if (!c) return undefined;
  // Checked here so a well-formed but foreign cursor never reaches PostgreSQL as a cast error.
  if (typeof c.k !== 'string' || !PG_TIMESTAMPTZ.test(c.k) || typeof c.id !== 'string' || !UUID.test(c.id)) {
    throw new ProblemError('malformed-request', 400, 'query.cursor: not a cursor this API returned', { errors: [{ field: 'query.cursor', message: 'not a cursor this API returned' }] });
  }
  return sql`(${createdAt}, ${id}) > (${c.k}::timestamptz, ${c.id}::uuid)`;
}
