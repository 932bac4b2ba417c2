// What the cadence activities need to know about an enrollment, read fresh from the database
// at each step (a prospect's time zone or a workspace's rules may change mid-cadence).
import { and, eq, sql } from 'drizzle-orm';
import { ApplicationFailure } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { accounts, enrollments, prospects, repAbsences, users, workspaces } from '../db/schema.js';
import { CallBlockSchema, type RepCapacity } from '../domain/cadence/call-capacity.js';
import type { RepAbsence, RepCalendar } from '../domain/cadence/rep-absence.js';
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
  /** The rep's zone, holidays and time off (from yesterday on): days the rep is away. */
  repCalendar: RepCalendar;
};

/** The rep's time off not yet over, read with the context (one round trip per step). */
const currentAbsences = sql<RepAbsence[]>`coalesce((select json_agg(json_build_object('startsOn', a.starts_on, 'endsOn', a.ends_on, 'coveringUserId', a.covering_user_id) order by a.starts_on) from ${repAbsences} a where a.user_id = ${users.id} and a.ends_on >= current_date - 1), '[]'::json)`;

function prepareContextQuery(db: Database) {
  return db
    .select({ enrollment: enrollments, prospect: prospects, account: accounts, rep: users, workspace: workspaces, repAbsences: currentAbsences })
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
    const { repAbsences: absences, ...rest } = row;
    return { ...rest, place, rules, capacity, repCalendar: repCalendarOf(row.rep, row.workspace.timeZone, absences) };
  } catch (err) {
    // Bad data (an unknown zone saved before validation existed) will not fix itself on retry.
    if (err instanceof TimingError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidTiming');
    throw err;
  }
}

/** Where a user works: their zone (else the workspace's), their country and region (else the zone's). */
export function repCalendarOf(rep: Pick<typeof users.$inferSelect, 'timeZone' | 'country' | 'region'>, workspaceZone: string, absences: readonly RepAbsence[]): RepCalendar {
  const place = resolvePlace({ timeZone: rep.timeZone ?? workspaceZone, country: rep.country, region: rep.region });
  return { ...place, absences: typeof absences === 'string' ? (JSON.parse(absences) as RepAbsence[]) : absences };
}
