// The workspace's suppression list: addresses and whole domains no cadence may touch, on any
// channel. Checked when an email is staged and again when any touch leaves.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { suppressions } from '../db/schema.js';

/**
 * The workspace's suppression list entry covering an address: the address itself, its domain
 * or a parent domain (suppressing globex.com covers eu.globex.com). Null when none does.
 */
export async function suppressionOf(db: Database, workspaceId: string, email: string): Promise<string | null> {
  const [hit] = await db
    .select({ value: suppressions.value })
    .from(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), inArray(suppressions.value, suppressionKeys(email))))
    .orderBy(desc(suppressions.kind), asc(suppressions.createdAt)) // the address itself before a domain
    .limit(1);
  return hit ? `suppressed: ${hit.value}` : null;
}


/**
 * The list entries that would cover an address, most specific first: the address itself, its
 * domain, then every parent domain down to two labels (a bare TLD is never a suppression).
 */
export function suppressionKeys(email: string): string[] {
  const address = email.trim().toLowerCase();
  const labels = address.slice(address.lastIndexOf('@') + 1).split('.');
  return [address, ...labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'))];
}
