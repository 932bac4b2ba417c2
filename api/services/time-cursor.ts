// Cursors on (timestamp, uuid) lists. The timestamp travels at PostgreSQL's microsecond
// precision (a JS Date would round it, and pages would repeat or skip rows at their edges),
// and a cursor is checked before it reaches SQL: a forged one is a 400, never a cast error.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { badCursor, decodeCursor } from '../pagination.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The column as "2027-07-14T08:00:00.123456Z", selected alongside the row for its cursor. */
export const isoMicros = (col: PgColumn) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type TimeCursor = { at: SQL; id: string };

export function decodeTimeCursor(raw: string | undefined): TimeCursor | null {
  const c = decodeCursor(raw);
  if (!c) return null;
  if (typeof c.k !== 'string' || !ISO_MICROS.test(c.k) || Number.isNaN(Date.parse(c.k)) || typeof c.id !== 'string' || !UUID.test(c.id)) throw badCursor();
  return { at: sql`${c.k}::timestamptz`, id: c.id };
}

/** "After the cursor" in ascending (time, id) order, or undefined on the first page. */
export function afterCursor(time: PgColumn, id: PgColumn, raw: string | undefined): SQL | undefined {
  const c = decodeTimeCursor(raw);
  return c ? sql`(${time}, ${id}) > (${c.at}, ${c.id}::uuid)` : undefined;
}
