// The list most resources share: a workspace's rows in creation order, a page at a time, with a
// (created_at to the microsecond, id) cursor (time-cursor.ts). One query shape for every such list.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { page } from '../pagination.js';
import { afterCursor, isoMicros } from './time-cursor.js';

type CreationOrdered = PgTable & { id: PgColumn; workspaceId: PgColumn; createdAt: PgColumn };
export type PageQuery = { limit: number; cursor?: string | undefined };

/** One page of `table`'s rows in `workspaceId` matching every `filters` entry, oldest first, each as `shown` shows it. */
export async function pageInCreationOrder<T extends CreationOrdered, J>(
  db: Database,
  table: T,
  workspaceId: string,
  q: PageQuery,
  shown: (row: T['$inferSelect']) => J,
  ...filters: Array<SQL | undefined>
): Promise<{ data: J[]; nextCursor: string | null }> {
  const t = table as CreationOrdered;
  const rows = (await db
    .select({ row: t, k: isoMicros(t.createdAt) })
    .from(t)
    .where(and(eq(t.workspaceId, workspaceId), ...filters, afterCursor(t.createdAt, t.id, q.cursor)))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(q.limit + 1)) as Array<{ row: T['$inferSelect'] & { id: string }; k: string }>;
  const p = page(rows, q.limit, (r) => ({ k: r.k, id: r.row.id }));
  return { data: p.data.map((r) => shown(r.row)), nextCursor: p.nextCursor };
}
