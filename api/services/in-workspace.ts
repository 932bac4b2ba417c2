// The row of a workspace a request names by id: another workspace's id, or none, is "not found"
// (a 404 naming the field that carried it), never another tenant's row.
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { ProblemError } from '../problem.js';

type WorkspaceTable = PgTable & { id: PgColumn; workspaceId: PgColumn };

/** A 404 "no such <what> in this workspace", naming `field` when the id came from the request. */
export function notFoundIn(what: string, field?: string): ProblemError {
  const message = `no such ${what} in this workspace`;
  return new ProblemError('not-found', 404, field ? `${field}: ${message}` : message, field ? { errors: [{ field, message }] } : {});
}

/** The row of `table` with this id in the workspace (and matching `also`), or a 404. */
export async function findInWorkspace<T extends WorkspaceTable>(db: Database, table: T, workspaceId: string, id: string, what: string, o: { field?: string; also?: SQL } = {}): Promise<T['$inferSelect']> {
  const t = table as WorkspaceTable;
  const [row] = await db.select().from(t).where(and(eq(t.id, id), eq(t.workspaceId, workspaceId), o.also));
  if (!row) throw notFoundIn(what, o.field);
  return row as T['$inferSelect'];
}
