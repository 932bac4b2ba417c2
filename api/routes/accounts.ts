// Accounts (companies). The domain is the natural key: unique per workspace, lower-cased, and
// what prospect imports match companies by.
import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { accounts } from '../../db/schema.js';
import { resolvePlace } from '../../domain/timing/index.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { PageQuery } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { countryInput, regionInput, z } from '../scope.js';
import { requireAccount, updateUnique } from '../services/people.js';
import { timing } from '../services/timing-field.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { resourceRoutes } from '../resource-routes.js';

export const DomainSchema = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}$/, 'a domain name such as example.com')
  .transform((d) => d.toLowerCase());

const AccountCreate = z.strictObject({
  name: z.string().min(1).max(200),
  domain: DomainSchema.optional(),
  country: countryInput().optional(),
  region: regionInput().optional(),
});
const AccountPatch = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  domain: DomainSchema.nullable().optional(),
  country: countryInput().nullable().optional(),
  region: regionInput().nullable().optional(),
});
const Account = z
  .object({ id: z.uuid(), name: z.string(), domain: z.string().nullable(), country: z.string().nullable(), region: z.string().nullable(), createdAt: z.string() })
  .openapi('Account');
const toAccount = (a: typeof accounts.$inferSelect): z.infer<typeof Account> => ({
  id: a.id,
  name: a.name,
  domain: a.domain,
  country: a.country,
  region: a.region,
  createdAt: a.createdAt.toISOString(),
});
const READERS = ['ops', 'integration', 'rep'] as const;
const WRITERS = ['ops', 'integration'] as const;

const domainTaken = () => new ProblemError('conflict', 409, 'an account with this domain exists in this workspace', { errors: [{ field: 'body.domain', message: 'already used' }] });

/** Country and region normalized (and checked) the way prospects' are. */
function place(country: string | null | undefined, region: string | null | undefined) {
  if (!country && !region) return { country: null, region: null };
  const p = timing('body', () => resolvePlaceLoose(country ?? null, region ?? null));
  return { country: p.country ?? null, region: p.region ?? null };
}
/** An account has no time zone of its own: any zone will do to validate country and region. */
const resolvePlaceLoose = (country: string | null, region: string | null) => resolvePlace({ timeZone: 'UTC', country, region });

const resource = resourceRoutes({ base: '/v1/accounts', id: 'accountId', noun: 'account', plural: 'accounts', tags: ['people'] });
const taken = { 409: problemResponse('Domain already used') };
const routes = {
  create: resource.create({ summary: 'Add an account (company)', access: WRITERS, body: AccountCreate, returns: Account, responses: taken }),
  list: resource.list({
    summary: 'Accounts, oldest first, optionally the one of a domain',
    access: READERS,
    item: Account,
    query: PageQuery.extend({ domain: z.string().max(253).optional().openapi({ param: { name: 'domain', in: 'query' } }) }),
  }),
  get: resource.get({ summary: 'One account', access: READERS, returns: Account }),
  patch: resource.update({ summary: "Change an account's name, domain, country or region", access: WRITERS, body: AccountPatch, returns: Account, responses: taken }),
};

export function accountRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    const [row] = await db
      .insert(accounts)
      .values({ workspaceId, name: body.name, domain: body.domain ?? null, ...place(body.country, body.region) })
      .onConflictDoNothing({ target: [accounts.workspaceId, accounts.domain] })
      .returning();
    if (!row) throw domainTaken();
    return c.json(toAccount(row), 201);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    return c.json(await pageInCreationOrder(db, accounts, workspaceId, q, toAccount, q.domain ? eq(accounts.domain, q.domain.toLowerCase()) : undefined), 200);
  });

  app.openapi(routes.get, async (c) => {
    const { workspaceId } = principalOf(c);
    return c.json(toAccount(await requireAccount(db, workspaceId, c.req.valid('param').accountId, 'param.accountId')), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const { workspaceId } = principalOf(c);
    const { accountId } = c.req.valid('param');
    const body = c.req.valid('json');
    const current = await requireAccount(db, workspaceId, accountId, 'param.accountId');
    const where = 'country' in body || 'region' in body
      ? place(body.country === undefined ? current.country : body.country, body.region === undefined ? current.region : body.region)
      : {};
    const set = { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.domain !== undefined ? { domain: body.domain } : {}), ...where };
    if (Object.keys(set).length === 0) return c.json(toAccount(current), 200);
    return c.json(toAccount(await updateUnique(db, accounts, workspaceId, accountId, set, domainTaken)), 200);
  });

  return app;
}
