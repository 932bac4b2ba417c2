// Cursor pagination: a page is ordered by a key and the row id; the cursor is the last row's
// (key, id), opaque to clients (base64url JSON). A cursor that cannot be read is a 400 naming
// `query.cursor`, never a 500.
import { z } from '@hono/zod-openapi';
import { ProblemError } from './problem.js';
import { storableText } from './validation.js';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'limit', in: 'query' }, description: '1 to 200, default 50' }),
  cursor: z.string().max(500).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
});

export type Cursor = { k: string | number | null; id: string | number };

/** A list may carry more in its cursor than (key, id): whatever its order needs. */
export function encodeCursor(c: Cursor & Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

// What each kind of list puts in its cursor. A list decodes its cursor with its own shape, so a
// forged cursor, or one of another list, is a 400 before any of it reaches SQL.
const RowId = z.guid();
/** Lists ordered by a bigserial id (timeline events, webhook deliveries). */
export const SerialCursor = z.strictObject({ k: z.null(), id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
/** Lists ordered by a text key unique in the workspace, then the row's uuid (sequences by key). */
export const KeyCursor = z.strictObject({ k: storableText(z.string().min(1).max(200)), id: RowId });

export function decodeCursor<T extends z.ZodType<Cursor>>(raw: string | undefined, shape: T): z.output<T> | null {
  if (raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = shape.safeParse(json);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

/** A cursor this API did not return (or for another list): a 400 naming `query.cursor`. */
export function badCursor(): ProblemError {
  return new ProblemError('malformed-request', 400, 'query.cursor: not a cursor this API returned', { errors: [{ field: 'query.cursor', message: 'not a cursor this API returned' }] });
}

/** Builds `{ data, nextCursor }` from `limit + 1` fetched rows. */
export function page<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}

export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
