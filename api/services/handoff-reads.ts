// Handoffs as callers may see them: ops and admin see the workspace's; a rep (or a manager, who
// acts as a rep) those they set or hold, and those of the people reporting to them.
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { handoffs, users } from '../../db/schema.js';
import type { Principal } from '../middleware/auth.js';
import { managesRep } from '../auth/reports.js';
import { page } from '../pagination.js';
import { ProblemError } from '../problem.js';
import { decodeTimeCursor, isoMicros } from './time-cursor.js';

export type HandoffRow = typeof handoffs.$inferSelect;

const reportsOf = (db: Database, p: Principal) => db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, p.workspaceId), eq(users.managerId, p.userId!)));

/** What a rep-role caller may see: their own handoffs and their reports'. Undefined for ops and admin. */
function reach(db: Database, p: Principal): SQL | undefined {
  if (p.role !== 'rep') return undefined;
  if (!p.userId) return sql`false`;
  return or(eq(handoffs.setterId, p.userId), eq(handoffs.fieldRepId, p.userId), inArray(handoffs.setterId, reportsOf(db, p)), inArray(handoffs.fieldRepId, reportsOf(db, p)));
}

export const handoffNotFound = () => new ProblemError('not-found', 404, 'no such handoff in this workspace');

export async function findHandoff(db: Database, p: Principal, handoffId: string): Promise<HandoffRow> {
  const [row] = await db.select().from(handoffs).where(and(eq(handoffs.id, handoffId), eq(handoffs.workspaceId, p.workspaceId), reach(db, p)));
  if (!row) throw handoffNotFound();
  return row;
}

/** After a change the caller made (a new field rep may take it out of their reach). */
export async function handoffById(db: Database, workspaceId: string, handoffId: string): Promise<HandoffRow> {
  const [row] = await db.select().from(handoffs).where(and(eq(handoffs.id, handoffId), eq(handoffs.workspaceId, workspaceId)));
  if (!row) throw handoffNotFound();
  return row;
}

export type HandoffFilter = { status?: HandoffRow['status'] | undefined; fieldRepId?: string | undefined; setterId?: string | undefined; limit: number; cursor?: string | undefined };

/** Newest first. */
export async function listHandoffs(db: Database, p: Principal, f: HandoffFilter) {
  const c = decodeTimeCursor(f.cursor);
  const rows = await db
    .select({ h: handoffs, k: isoMicros(handoffs.createdAt) })
    .from(handoffs)
    .where(
      and(
        eq(handoffs.workspaceId, p.workspaceId),
        reach(db, p),
        f.status ? eq(handoffs.status, f.status) : undefined,
        f.fieldRepId ? eq(handoffs.fieldRepId, f.fieldRepId) : undefined,
        f.setterId ? eq(handoffs.setterId, f.setterId) : undefined,
        c ? sql`(${handoffs.createdAt}, ${handoffs.id}) < (${c.at}, ${c.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(handoffs.createdAt), desc(handoffs.id))
    .limit(f.limit + 1);
  const result = page(rows, f.limit, (r) => ({ k: r.k, id: r.h.id }));
  return { data: result.data.map((r) => r.h), nextCursor: result.nextCursor };
}

/** The names of the people handoffs name (the SDRs who set them, their field reps), by id. */
export async function namesOf(db: Database, workspaceId: string, rows: HandoffRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((h) => (h.fieldRepId ? [h.setterId, h.fieldRepId] : [h.setterId])))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.workspaceId, workspaceId), inArray(users.id, ids)));
  return new Map(found.map((u) => [u.id, u.name]));
}

/** Who may report a meeting's outcome: its field rep, their manager, ops and admin. */
export async function mayReportOutcome(db: Database, p: Principal, h: HandoffRow): Promise<boolean> {
  if (p.role !== 'rep') return true;
  if (!p.userId || !h.fieldRepId) return false;
  if (p.userId === h.fieldRepId) return true;
  return managesRep(db, p, h.fieldRepId);
}

/** Who may move a meeting: also the SDR who set it, and their manager. */
export async function mayReschedule(db: Database, p: Principal, h: HandoffRow): Promise<boolean> {
  if (p.role !== 'rep') return true;
  if (!p.userId) return false;
  if (p.userId === h.setterId || p.userId === h.fieldRepId) return true;
  return (await managesRep(db, p, h.setterId)) || (h.fieldRepId !== null && (await managesRep(db, p, h.fieldRepId)));
}

/** A field rep named in a body: a user of the workspace marked as a field rep, else a 422 naming the field. */
export async function requireFieldRep(db: Database, workspaceId: string, userId: string, field: string): Promise<void> {
  const [row] = await db.select({ fieldRep: users.fieldRep }).from(users).where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId)));
  const message = !row ? 'no such user in this workspace' : !row.fieldRep ? 'this user is not a field rep (PATCH /v1/users/{id} with fieldRep: true)' : null;
  if (message) throw new ProblemError('validation-failed', 422, `${field}: ${message}`, { errors: [{ field, message }] });
}
