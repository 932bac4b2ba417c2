// An inbound lead (form, pricing page, chat): find or create the prospect (one per email in the
// workspace), pick the rep, enroll in the "Expected callback" cadence, whose call is due within
// minutes. Every write is idempotent, so a retry after a failure (which releases the receipt)
// finds the prospect and the enrollment instead of duplicating them.
import { z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { suppressionOf } from '../../../application/suppression.js';
import { appendEvent } from '../../../application/timeline.js';
import type { Database } from '../../../db/client.js';
import { accounts, prospects, sequences, users } from '../../../db/schema.js';
import { resolvePlace, TimingError, type Place } from '../../../domain/timing/index.js';
import { ProblemError } from '../../problem.js';
import { enroll } from '../enroll.js';
import { findProspectIdByEmail } from '../../../application/prospect-events.js';
import { defineMapping, type InboundContext } from './types.js';

export const LEAD_SEQUENCE_KEY = 'expected-callback';

export const LeadInbound = z
  .object({
    email: z.email().max(320),
    firstName: z.string().max(100).optional(),
    lastName: z.string().max(100).optional(),
    phone: z.string().max(50).optional(),
    company: z.string().min(1).max(200).optional(),
    country: z.string().max(10).optional(),
    timeZone: z.string().max(64).optional(),
    message: z.string().max(2000).optional().openapi({ description: 'What the lead asked about; becomes the enrollment context.' }),
    repEmail: z.email().optional().openapi({ description: "The rep to assign; by default the workspace's first rep." }),
  })
  .openapi('InboundLead', { description: 'Finds or creates the prospect and enrolls them in the "expected-callback" cadence: a call due within minutes.' });
type Lead = z.infer<typeof LeadInbound>;

const invalid = (field: string, message: string) => new ProblemError('validation-failed', 422, `${field}: ${message}`, { errors: [{ field, message }] });

function placeOf(lead: Lead): Place | null {
  if (!lead.timeZone && !lead.country) return null;
  try {
    return resolvePlace({ timeZone: lead.timeZone ?? null, country: lead.country ?? null, region: null });
  } catch (err) {
    if (err instanceof TimingError) throw invalid(`body.${err.field}`, err.message);
    throw err;
  }
}

async function pickRep(db: Database, workspaceId: string, repEmail: string | undefined): Promise<string> {
  const byEmail = repEmail ? sql`lower(${users.email}) = ${repEmail.toLowerCase()}` : eq(users.role, 'rep');
  const [rep] = await db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, workspaceId), byEmail)).orderBy(asc(users.createdAt), asc(users.id)).limit(1);
  if (rep) return rep.id;
  if (repEmail) throw invalid('body.repEmail', 'no user with this email in the workspace');
  throw new ProblemError('conflict', 409, 'the workspace has no rep to call this lead');
}

async function findOrCreateProspect(ctx: InboundContext, lead: Lead, place: Place | null): Promise<{ id: string; created: boolean }> {
  const { db } = ctx.deps;
  const existing = await findProspectIdByEmail(db, ctx.workspaceId, lead.email);
  if (existing) return { id: existing, created: false };
  const [p] = await db
    .insert(prospects)
    .values({
      workspaceId: ctx.workspaceId,
      email: lead.email.toLowerCase(),
      firstName: lead.firstName ?? null,
      lastName: lead.lastName ?? null,
      phone: lead.phone ?? null,
      country: place?.country ?? null,
      region: place?.region ?? null,
      timeZone: lead.timeZone ? place?.timeZone ?? null : null,
    })
    .onConflictDoNothing({ target: [prospects.workspaceId, prospects.email] })
    .returning({ id: prospects.id });
  // Lost a race with a concurrent lead for the same address: theirs is the prospect.
  if (!p) return { id: (await findProspectIdByEmail(db, ctx.workspaceId, lead.email))!, created: false };
  if (lead.company) {
    // No domain: a free-mail domain would merge unrelated leads into one account.
    const [account] = await db.insert(accounts).values({ workspaceId: ctx.workspaceId, name: lead.company, country: place?.country ?? null }).returning({ id: accounts.id });
    await db.update(prospects).set({ accountId: account!.id }).where(eq(prospects.id, p.id));
  }
  return { id: p.id, created: true };
}

export const leadMapping = defineMapping({
  schema: LeadInbound,
  summary: 'Inbound leads: enrolled in the expected-callback cadence, call due within minutes',
  async apply(ctx, lead) {
    const { db } = ctx.deps;
    const place = placeOf(lead);
    const repId = await pickRep(db, ctx.workspaceId, lead.repEmail);
    const [sequence] = await db
      .select({ id: sequences.id })
      .from(sequences)
      .where(and(eq(sequences.workspaceId, ctx.workspaceId), eq(sequences.key, LEAD_SEQUENCE_KEY)));
    if (!sequence) throw new ProblemError('conflict', 409, `the workspace has no "${LEAD_SEQUENCE_KEY}" sequence`);
    const prospect = await findOrCreateProspect(ctx, lead, place);
    const [row] = await db.select({ status: prospects.status }).from(prospects).where(eq(prospects.id, prospect.id));
    await appendEvent(db, { workspaceId: ctx.workspaceId, prospectId: prospect.id, type: 'lead.received', payload: { source: 'lead', message: lead.message ?? null, company: lead.company ?? null }, dedupeKey: ctx.dedupeKey });
    if (row?.status === 'opted_out') return { applied: false, prospectId: prospect.id, reason: 'the prospect opted out: no cadence may touch them' };
    const suppressed = await suppressionOf(db, ctx.workspaceId, lead.email);
    if (suppressed) return { applied: false, prospectId: prospect.id, reason: `the address is on the suppression list (${suppressed})` };
    const enrolled = await enroll(ctx.deps, ctx.workspaceId, { prospectId: prospect.id, sequenceId: sequence.id, repId, context: lead.message });
    return { applied: true, prospectId: prospect.id, prospectCreated: prospect.created, enrollmentId: enrolled.row.id, enrollmentCreated: enrolled.created, repId };
  },
});
