// Prospects: the people cadences touch. Emails are stored lower-cased (one person, one row);
// the time zone is explicit or derived from country and region, and shown resolved.
import { OpenAPIHono } from '@hono/zod-openapi';
import { eq, ilike, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { accounts, prospects } from '../../db/schema.js';
import { resolvePlace, TimingError } from '../../domain/timing/index.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { PageQuery } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { countryInput, regionInput, z } from '../scope.js';
import { requireAccount, updateUnique } from '../services/people.js';
import { timing } from '../services/timing-field.js';
import { DomainSchema } from './accounts.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { findInWorkspace } from '../services/in-workspace.js';
import { resourceRoutes } from '../resource-routes.js';

const STATUSES = ['active', 'opted_out', 'invalid_email'] as const;
const Email = z.email().transform((e) => e.toLowerCase());

const ProspectCreate = z.strictObject({
  email: Email.optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  title: z.string().max(200).optional(),
  phone: z.string().max(50).optional(),
  linkedinUrl: z.url().max(500).optional(),
  country: countryInput(true).optional(),
  region: regionInput(true).optional(),
  timeZone: z.string().optional(),
  accountId: z.uuid().optional(),
  account: z.strictObject({ name: z.string().min(1).max(200), domain: DomainSchema.optional(), country: countryInput(true).optional() }).optional(),
});
/** null clears a field; absent leaves it. Status changes go through prospect events (opt-out stops cadences). */
const ProspectPatch = z.strictObject({
  email: Email.nullable().optional(),
  firstName: z.string().max(100).nullable().optional(),
  lastName: z.string().max(100).nullable().optional(),
  title: z.string().max(200).nullable().optional(),
  phone: z.string().max(50).nullable().optional(),
  linkedinUrl: z.url().max(500).nullable().optional(),
  country: countryInput(true).nullable().optional(),
  region: regionInput(true).nullable().optional(),
  timeZone: z.string().nullable().optional(),
  accountId: z.uuid().nullable().optional(),
});
const Prospect = z
  .object({
    id: z.uuid(),
    accountId: z.uuid().nullable(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    linkedinUrl: z.string().nullable(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    timeZone: z.string().nullable().openapi({ description: 'Explicit, or derived from country and region; null when unknown' }),
    timeZoneExplicit: z.boolean(),
    status: z.enum(STATUSES),
    createdAt: z.string(),
  })
  .openapi('Prospect');

function effectiveZone(p: typeof prospects.$inferSelect): string | null {
  if (p.timeZone) return p.timeZone;
  if (!p.country) return null;
  try {
    return resolvePlace({ country: p.country, region: p.region }).timeZone;
  } catch (err) {
    if (err instanceof TimingError) return null;
    throw err;
  }
}
const toProspect = (p: typeof prospects.$inferSelect): z.infer<typeof Prospect> => ({
  id: p.id,
  accountId: p.accountId,
  email: p.email,
  firstName: p.firstName,
  lastName: p.lastName,
  title: p.title,
  phone: p.phone,
  linkedinUrl: p.linkedinUrl,
  country: p.country,
  region: p.region,
  timeZone: effectiveZone(p),
  timeZoneExplicit: p.timeZone !== null,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
});

const READERS = ['ops', 'integration', 'rep'] as const;
const WRITERS = ['ops', 'integration'] as const;
const ListQuery = PageQuery.extend({
  status: z.enum(STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }),
  accountId: z.uuid().optional().openapi({ param: { name: 'accountId', in: 'query' } }),
  email: z.string().max(320).optional().openapi({ param: { name: 'email', in: 'query' }, description: 'Exact address, case-insensitive' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: 'Search: a part of the first name, last name, full name or email, case-insensitive', example: 'curie' }),
});

/** LIKE's wildcards taken literally: a search for "50%" finds "50%", not everything. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** A prospect whose first, last or full name or email contains the text, whatever the case. */
function matching(text: string) {
  const pattern = likePattern(text);
  return or(
    ilike(prospects.firstName, pattern),
    ilike(prospects.lastName, pattern),
    ilike(prospects.email, pattern),
    sql`(coalesce(${prospects.firstName}, '') || ' ' || coalesce(${prospects.lastName}, '')) ilike ${pattern}`,
  );
}

const emailTaken = () => new ProblemError('conflict', 409, 'a prospect with this email exists in this workspace', { errors: [{ field: 'body.email', message: 'already used' }] });

/** Country, region and explicit zone as stored: validated, normalized; the zone only if given. */
function placeOf(input: { timeZone?: string | null; country?: string | null; region?: string | null }) {
  if (!input.timeZone && !input.country && !input.region) return { country: null, region: null, timeZone: null };
  const p = timing('body', () => resolvePlace({ timeZone: input.timeZone ?? null, country: input.country ?? null, region: input.region ?? null }));
  return { country: p.country ?? null, region: p.region ?? null, timeZone: input.timeZone ? p.timeZone : null };
}

const resource = resourceRoutes({ base: '/v1/prospects', id: 'prospectId', noun: 'prospect', plural: 'prospects', tags: ['people'] });
const routes = {
  create: resource.create({
    summary: 'Add a prospect (and its account); the time zone is explicit or derived from country and region',
    access: WRITERS,
    body: ProspectCreate,
    returns: Prospect,
    responses: { 404: problemResponse('No such account'), 409: problemResponse('Email already used') },
  }),
  list: resource.list({ summary: 'Prospects, oldest first, filtered by status, account or email, or searched by name or email (q)', access: READERS, item: Prospect, query: ListQuery }),
  get: resource.get({ summary: 'One prospect', access: READERS, returns: Prospect }),
  patch: resource.update({
    summary: "Change a prospect's contact details, place or account",
    access: WRITERS,
    body: ProspectPatch,
    returns: Prospect,
    responses: { 404: problemResponse('No such prospect or account'), 409: problemResponse('Email already used') },
  }),
};

const requireProspect = (db: Database, workspaceId: string, id: string) => findInWorkspace(db, prospects, workspaceId, id, 'prospect', { field: 'param.prospectId' });

export function prospectRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    if (body.account && body.accountId) {
      throw new ProblemError('validation-failed', 422, 'body.accountId: give accountId or account, not both', { errors: [{ field: 'body.accountId', message: 'give accountId or account, not both' }] });
    }
    const place = placeOf({ timeZone: body.timeZone, country: body.country ?? body.account?.country, region: body.region });
    if (body.accountId) await requireAccount(db, workspaceId, body.accountId, 'body.accountId');
    const row = await db.transaction(async (tx) => {
      let accountId = body.accountId ?? null;
      if (body.account) {
        const values = { workspaceId, name: body.account.name, domain: body.account.domain ?? null, country: body.account.country ?? null };
        const [acc] = body.account.domain
          ? await tx.insert(accounts).values(values).onConflictDoUpdate({ target: [accounts.workspaceId, accounts.domain], set: { name: values.name } }).returning()
          : await tx.insert(accounts).values(values).returning();
        accountId = acc!.id;
      }
      const [p] = await tx
        .insert(prospects)
        .values({
          workspaceId,
          accountId,
          email: body.email ?? null,
          firstName: body.firstName ?? null,
          lastName: body.lastName ?? null,
          title: body.title ?? null,
          phone: body.phone ?? null,
          linkedinUrl: body.linkedinUrl ?? null,
          ...place,
        })
        .onConflictDoNothing({ target: [prospects.workspaceId, prospects.email] })
        .returning();
      // Rolls the account back with the refused prospect.
      if (!p) throw emailTaken();
      return p;
    });
    return c.json(toProspect(row), 201);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    const filters = [
      q.status ? eq(prospects.status, q.status) : undefined,
      q.accountId ? eq(prospects.accountId, q.accountId) : undefined,
      q.email ? sql`lower(${prospects.email}) = ${q.email.toLowerCase()}` : undefined,
      q.q ? matching(q.q) : undefined,
    ];
    return c.json(await pageInCreationOrder(db, prospects, workspaceId, q, toProspect, ...filters), 200);
  });

  app.openapi(routes.get, async (c) => {
    const { workspaceId } = principalOf(c);
    return c.json(toProspect(await requireProspect(db, workspaceId, c.req.valid('param').prospectId)), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const { workspaceId } = principalOf(c);
    const { prospectId } = c.req.valid('param');
    const body = c.req.valid('json');
    const current = await requireProspect(db, workspaceId, prospectId);
    if (body.accountId) await requireAccount(db, workspaceId, body.accountId, 'body.accountId');
    const { country, region, timeZone, ...rest } = body;
    const placeChanged = country !== undefined || region !== undefined || timeZone !== undefined;
    const place = placeChanged
      ? placeOf({
          timeZone: timeZone === undefined ? current.timeZone : timeZone,
          country: country === undefined ? current.country : country,
          region: region === undefined ? current.region : region,
        })
      : {};
    const set = Object.fromEntries(Object.entries({ ...rest, ...place }).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) return c.json(toProspect(current), 200);
    return c.json(toProspect(await updateUnique(db, prospects, workspaceId, prospectId, set, emailTaken)), 200);
  });

  return app;
}
