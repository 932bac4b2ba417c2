// A sequence's versions as the editor reads them: one version's definition, what changed between
// two, and which enrollments run which version (a rep key, a manager: theirs and their reps').
import { and, count, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { enrollments, sequences, sequenceVersions, users } from '../../db/schema.js';
import { parseSequenceDefinition, type SequenceDefinition } from '../../domain/sequences/index.js';
import type { Principal } from '../middleware/auth.js';
import { notFoundIn } from './in-workspace.js';

export const ENROLLMENT_STATUSES = ['pending', 'active', 'paused', 'completed', 'stopped'] as const;
type Status = (typeof ENROLLMENT_STATUSES)[number];

/** The sequence of the workspace, or a 404. */
export async function sequenceIn(db: Database, workspaceId: string, sequenceId: string) {
  const [seq] = await db.select().from(sequences).where(and(eq(sequences.id, sequenceId), eq(sequences.workspaceId, workspaceId)));
  if (!seq) throw notFoundIn('sequence');
  return seq;
}

/** One version's definition (`null`: the draft, else the latest published); a 404 naming `field` when absent. */
export async function definitionOf(db: Database, workspaceId: string, sequenceId: string, version: number | null, field: string): Promise<{ version: number; definition: SequenceDefinition }> {
  const seq = await sequenceIn(db, workspaceId, sequenceId);
  const rows = await db.select().from(sequenceVersions).where(and(eq(sequenceVersions.sequenceId, seq.id), version === null ? undefined : eq(sequenceVersions.version, version)));
  const row = version === null ? (rows.find((r) => r.publishedAt === null) ?? rows.filter((r) => r.publishedAt).sort((a, b) => b.version - a.version)[0]) : rows[0];
  if (!row) throw notFoundIn('version of this sequence', field);
  return { version: row.version, definition: parseSequenceDefinition(row.definition) };
}

/**
 * The versions a diff compares when the request leaves them out: `to` the draft, else the latest
 * published version; `from` the published version before `to`. A 404 naming the field when none is.
 */
export async function diffVersions(db: Database, workspaceId: string, sequenceId: string, q: { from?: number | undefined; to?: number | undefined }) {
  const seq = await sequenceIn(db, workspaceId, sequenceId);
  const rows = await db.select({ version: sequenceVersions.version, publishedAt: sequenceVersions.publishedAt }).from(sequenceVersions).where(eq(sequenceVersions.sequenceId, seq.id));
  const published = rows.filter((r) => r.publishedAt !== null).map((r) => r.version).sort((a, b) => b - a);
  const to = q.to ?? rows.find((r) => r.publishedAt === null)?.version ?? published[0];
  const from = q.from ?? (to === undefined ? undefined : published.find((v) => v < to));
  if (to === undefined) throw notFoundIn('version of this sequence', 'query.to');
  if (from === undefined) throw notFoundIn('earlier version of this sequence', 'query.from');
  return { from, to };
}

/** Per version, how many enrollments by status; rep keys count their own and their reports' only. */
export async function enrollmentsByVersion(db: Database, p: Principal, sequenceId: string) {
  const seq = await sequenceIn(db, p.workspaceId, sequenceId);
  const where: (SQL | undefined)[] = [eq(enrollments.workspaceId, p.workspaceId), eq(enrollments.sequenceId, seq.id)];
  if (p.role === 'rep') {
    const me = p.userId ?? '00000000-0000-0000-0000-000000000000';
    const reports = db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, p.workspaceId), eq(users.managerId, me)));
    where.push(or(eq(enrollments.repId, me), inArray(enrollments.repId, reports)));
  }
  const rows = await db
    .select({ version: enrollments.sequenceVersion, status: enrollments.status, n: count() })
    .from(enrollments)
    .where(and(...where))
    .groupBy(enrollments.sequenceVersion, enrollments.status);
  const versions = new Map<number, { version: number; total: number; byStatus: Record<Status, number> }>();
  for (const r of rows) {
    const v = versions.get(r.version) ?? { version: r.version, total: 0, byStatus: Object.fromEntries(ENROLLMENT_STATUSES.map((s) => [s, 0])) as Record<Status, number> };
    v.byStatus[r.status] += Number(r.n);
    v.total += Number(r.n);
    versions.set(r.version, v);
  }
  return [...versions.values()].sort((a, b) => b.version - a.version);
}
