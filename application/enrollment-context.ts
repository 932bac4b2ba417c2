// What the cadence activities need to know about an enrollment, read fresh from the database
// at each step (a prospect's time zone or a workspace's rules may change mid-cadence).
import { and, eq, sql } from 'drizzle-orm';
import { ApplicationFailure } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { accounts, enrollments, prospects, users, workspaces } from '../db/schema.js';
import { CallBlockSchema, type RepCapacity } from '../domain/cadence/call-capacity.js';
import { mergeTimingRules, resolvePlace, TimingError, type Place, type TimingRules, type TimingRulesInput } from '../domain/timing/index.js';

export type EnrollmentContext = {
  enrollment: typeof enrollments.$inferSelect;
  prospect: typeof prospects.$inferSelect;
  account: typeof accounts.$inferSelect | null;
  rep: typeof users.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
  place: Place;
  rules: TimingRules;
  capacity: RepCapacity;
};

function prepareContextQuery(db: Database) {
  return db
    .select({ enrollment: enrollments, prospect: prospects, account: accounts, rep: users, workspace: workspaces })
    .from(enrollments)
    .innerJoin(prospects, eq(prospects.id, enrollments.prospectId))
    .innerJoin(users, eq(users.id, enrollments.repId))
    .innerJoin(workspaces, eq(workspaces.id, enrollments.workspaceId))
    .leftJoin(accounts, eq(accounts.id, prospects.accountId))
    .where(and(eq(enrollments.id, sql.placeholder('enrollmentId')), eq(enrollments.workspaceId, sql.placeholder('workspaceId'))))
    .prepare('enrollment_context');
}

/**
 * The five-table read is built once per database handle, not at every step: building its SQL
 * (five tables' columns) cost more worker CPU than PostgreSQL spends running it.
 */
const contextQueries = new WeakMap<Database, ReturnType<typeof prepareContextQuery>>();
function contextQuery(db: Database) {
  let q = contextQueries.get(db);
  if (!q) contextQueries.set(db, (q = prepareContextQuery(db)));
  return q;
}

export async function loadEnrollmentContext(
  db: Database,
  workspaceId: string,
  enrollmentId: string,
  timingOverride?: TimingRulesInput | null,
): Promise<EnrollmentContext> {
  const [row] = await contextQuery(db).execute({ enrollmentId, workspaceId });
  if (!row) {
    throw ApplicationFailure.nonRetryable(`enrollment ${enrollmentId} not found in workspace ${workspaceId}`, 'NotFound');
  }
  try {
    const country = row.prospect.country ?? row.account?.country ?? null;
    // Explicit zone first, else derived from country/region, else the workspace's zone.
    const place = resolvePlace({
      timeZone: row.prospect.timeZone ?? (country ? null : row.workspace.timeZone),
      country,
      region: row.prospect.region ?? row.account?.region ?? null,
    });
    const rules = mergeTimingRules(row.workspace.timingRules as TimingRulesInput, timingOverride ?? undefined);
    const capacity: RepCapacity = {
      callsPerHour: row.rep.callsPerHour,
      callBlocks: CallBlockSchema.array().parse(row.rep.callBlocks),
      timeZone: row.rep.timeZone ?? row.workspace.timeZone,
    };
    return { ...row, place, rules, capacity };
  } catch (err) {
    // Bad data (an unknown zone saved before validation existed) will not fix itself on retry.
    if (err instanceof TimingError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidTiming');
    throw err;
  }
}
