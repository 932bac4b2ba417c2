// Look-ups of people records referenced from a request body. Scoped to the caller's workspace:
// an id of another workspace is "not found", naming the field that carried it.
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { accounts, users } from '../../db/schema.js';
import { ProblemError } from '../problem.js';
import { findInWorkspace } from './in-workspace.js';

export const requireUser = (db: Database, workspaceId: string, id: string, field: string) => findInWorkspace(db, users, workspaceId, id, 'user', { field });

export const requireAccount = (db: Database, workspaceId: string, id: string, field: string) => findInWorkspace(db, accounts, workspaceId, id, 'account', { field });

/** Walks up from the new manager: reaching the user again would make reporting lines loop. */
export async function assertNoManagerCycle(db: Database, workspaceId: string, userId: string, managerId: string) {
  const seen = new Set<string>();
  let current: string | null = managerId;
  while (current && !seen.has(current)) {
    if (current === userId) {
      throw new ProblemError('validation-failed', 422, 'body.managerId: this manager reports (directly or not) to the user', { errors: [{ field: 'body.managerId', message: 'would create a management cycle' }] });
    }
    seen.add(current);
    const [row] = await db.select({ managerId: users.managerId }).from(users).where(and(eq(users.id, current), eq(users.workspaceId, workspaceId)));
    current = row?.managerId ?? null;
  }
}

/**
 * Writes `set` on the row `id` of the workspace and returns it; a unique-index clash (an email, a
 * domain another row has) is answered by `taken()`, a 409 naming the field.
 */
export async function updateUnique<T extends PgTable & { id: PgColumn; workspaceId: PgColumn }>(db: Database, table: T, workspaceId: string, id: string, set: Partial<T['$inferInsert']>, taken: () => ProblemError): Promise<T['$inferSelect']> {
  const t = table as PgTable & { id: PgColumn; workspaceId: PgColumn };
  try {
    const [row] = await db.update(t).set(set as never).where(and(eq(t.id, id), eq(t.workspaceId, workspaceId))).returning();
    return row as T['$inferSelect'];
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
}

/** A unique-index violation, when `db` surfaces PostgreSQL's error code. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
