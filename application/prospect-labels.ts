// Who a row is about, for people reading it: the prospect's name and the zone the cadence uses
// for them (explicit, else from their or their account's country and region, else the
// workspace's), so every list of rows can show the prospect's local time beside them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { accounts, prospects, workspaces } from '../db/schema.js';
import { resolvePlace, TimingError } from '../domain/timing/index.js';

export type ProspectLabel = { name: string; timeZone: string };

/** The prospects named by `ids` (nulls and repeats ignored) in the workspace, by id. */
export async function prospectLabels(db: DbOrTx, workspaceId: string, ids: Iterable<string | null | undefined>): Promise<Map<string, ProspectLabel>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: prospects.id,
      firstName: prospects.firstName,
      lastName: prospects.lastName,
      email: prospects.email,
      timeZone: prospects.timeZone,
      country: sql<string | null>`coalesce(${prospects.country}, ${accounts.country})`,
      region: sql<string | null>`coalesce(${prospects.region}, ${accounts.region})`,
      workspaceZone: workspaces.timeZone,
    })
    .from(prospects)
    .innerJoin(workspaces, eq(workspaces.id, prospects.workspaceId))
    .leftJoin(accounts, eq(accounts.id, prospects.accountId))
    .where(and(eq(prospects.workspaceId, workspaceId), inArray(prospects.id, wanted)));
  return new Map(rows.map((r) => [r.id, { name: [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email || 'unnamed prospect', timeZone: zoneOf(r) }]));
}

/** As the cadence resolves it (application/enrollment-context.ts); bad stored data falls back to the workspace's zone. */
function zoneOf(r: { timeZone: string | null; country: string | null; region: string | null; workspaceZone: string }): string {
  try {
    return resolvePlace({ timeZone: r.timeZone ?? (r.country ? null : r.workspaceZone), country: r.country, region: r.region }).timeZone;
  } catch (err) {
    if (err instanceof TimingError) return r.workspaceZone;
    throw err;
  }
}
