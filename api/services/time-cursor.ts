// Cursors on (timestamp, uuid) lists. The timestamp travels at PostgreSQL's microsecond
// precision (a JS Date would round it, and pages would repeat or skip rows at their edges),
// and a cursor is checked before it reaches SQL: a forged one is a 400, never a cast error.
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from '@hono/zod-openapi';
import { decodeCursor } from '../pagination.js';

// Years 1000 to 9999 in the form isoMicros writes; the date must exist (JS reads Feb 30 as Mar 2).
const ISO_MICROS = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const realInstant = (s: string) => {
  const ms = Date.parse(s.slice(0, 23) + 'Z');
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 23) === s.slice(0, 23);
};

/** (timestamp to the microsecond, row uuid): most lists, ordered by creation or due time. */
export const TimeCursorShape = z.strictObject({ k: z.string().regex(ISO_MICROS).refine(realInstant), id: z.guid() });

/** The column as "2027-07-14T08:00:00.123456Z", selected alongside the row for its cursor. */
export const isoMicros = (col: PgColumn) => sql<string>`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type TimeCursor = { at: SQL; id: string };

export function decodeTimeCursor(raw: string | undefined): TimeCursor | null {
  const c = decodeCursor(raw, TimeCursorShape);
  return c ? { at: sql`${c.k}::timestamptz`, id: c.id } : null;
}

/** "After the cursor" in ascending (time, id) order, or undefined on the first page. */
export function afterCursor(time: PgColumn, id: PgColumn, raw: string | undefined): SQL | undefined {
  const c = decodeTimeCursor(raw);
  return c ? sql`(${time}, ${id}) > (${c.at}, ${c.id}::uuid)` : undefined;
}
