// Cursor pagination: a page is ordered by a key and the row id; the cursor is the last row's
// (key, id), opaque to clients (base64url JSON). A cursor that cannot be read is a 400 naming
// `query.cursor`, never a 500.
import { z } from '@hono/zod-openapi';
import { ProblemError } from './problem.js';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'limit', in: 'query' }, description: '1 to 200, default 50' }),
  cursor: z.string().max(500).optional().openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
});

export type Cursor = { k: string | number | null; id: string | number };

/** A list may carry more in its cursor than (key, id): whatever its order needs. */
export function encodeCursor(c: Cursor & Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (c && typeof c === 'object' && 'id' in c && (typeof c.id === 'string' || typeof c.id === 'number') && 'k' in c) {
      const k = (c as { k: unknown }).k;
      if (k === null || typeof k === 'string' || typeof k === 'number') return { k, id: c.id };
    }
  } catch {
    /* reported below */
  }
  throw badCursor();
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
