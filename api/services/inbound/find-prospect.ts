// Resolving the prospect an inbound event is about, by email or LinkedIn profile URL.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { prospects } from '../../../db/schema.js';
import { findProspectIdByEmail } from '../../../application/prospect-events.js';

/** Profile URLs differ in scheme, www, case and trailing slash; compare without them. */
const normalizeUrl = (url: string) => url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');

export async function findProspectId(db: Database, workspaceId: string, by: { email?: string | undefined; linkedinUrl?: string | undefined }): Promise<string | null> {
  if (by.email) return findProspectIdByEmail(db, workspaceId, by.email);
  if (!by.linkedinUrl) return null;
  const url = normalizeUrl(by.linkedinUrl);
  const [row] = await db
    .select({ id: prospects.id })
    .from(prospects)
    .where(and(eq(prospects.workspaceId, workspaceId), sql`regexp_replace(regexp_replace(lower(${prospects.linkedinUrl}), '^https?://(www\\.)?', ''), '/+$', '') = ${url}`))
    .limit(1);
  return row?.id ?? null;
}
