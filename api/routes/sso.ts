// Single sign-on per workspace (OpenID Connect). An admin sets the provider (PUT /v1/sso); people
// then sign in at /auth/sso/start with their work email: the workspace whose people have that
// email's domain and which has single sign-on sends them to its provider, and the callback opens
// a session for the user of that workspace with the verified email the provider gives. No one is
// created this way: an admin adds people first. The two browser routes answer redirects, not
// JSON, and are not in the OpenAPI document.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { workspaceSso } from '../../db/auth-schema.js';
import { users } from '../../db/schema.js';
import { log } from '../../logging/log.js';
import { defineRoute } from '../access.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonBody, jsonResponse, z } from '../scope.js';
import { authorizationUrl, issuerProblem, ssoConfiguration, verifiedEmail, type SsoAttempt } from '../auth/oidc.js';
import { openSession } from '../auth/sessions.js';

const ATTEMPT_COOKIE = 'relance_sso';
const SsoSettings = z.object({ issuer: z.string(), clientId: z.string(), redirectUri: z.string().openapi({ description: "Register it with the provider as the client's redirect URI" }) }).openapi('SsoSettings');
const notSet = () => new ProblemError('not-found', 404, 'this workspace has no single sign-on');

const routes = {
  put: defineRoute({
    method: 'put',
    path: '/v1/sso',
    tags: ['sign-in'],
    summary: "Set the workspace's OpenID Connect provider (issuer, client id and secret; the secret is sealed and never returned)",
    access: [] as const,
    request: { body: jsonBody(z.strictObject({ issuer: z.url().max(500), clientId: z.string().min(1).max(500), clientSecret: z.string().min(1).max(2000) })) },
    responses: { 200: jsonResponse(SsoSettings, 'Saved'), 422: problemResponse('Invalid body, or an issuer that is not https') },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/sso',
    tags: ['sign-in'],
    summary: "The workspace's single sign-on provider",
    access: [] as const,
    responses: { 200: jsonResponse(SsoSettings, 'The settings'), 404: problemResponse('No single sign-on') },
  }),
  delete: defineRoute({
    method: 'delete',
    path: '/v1/sso',
    tags: ['sign-in'],
    summary: 'Turn single sign-on off (sessions already open stay open)',
    access: [] as const,
    responses: { 204: { description: 'Removed' }, 404: problemResponse('No single sign-on') },
  }),
};

export function ssoRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const { secrets: box, allowList: allow } = deps;
  const base = (c: Context) => (deps.mail?.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
  const redirectUri = (c: Context) => `${base(c)}/auth/sso/callback`;
  const view = (c: Context, row: typeof workspaceSso.$inferSelect) => ({ issuer: row.issuer, clientId: row.clientId, redirectUri: redirectUri(c) });

  app.openapi(routes.put, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    const problem = issuerProblem(body.issuer, allow);
    if (problem) throw new ProblemError('validation-failed', 422, `body.issuer: ${problem}`, { errors: [{ field: 'body.issuer', message: problem }] });
    const values = { issuer: body.issuer, clientId: body.clientId, clientSecretSealed: box.seal(body.clientSecret), updatedAt: new Date() };
    const [row] = await db.insert(workspaceSso).values({ workspaceId, ...values }).onConflictDoUpdate({ target: workspaceSso.workspaceId, set: values }).returning();
    return c.json(view(c, row!), 200);
  });
  app.openapi(routes.get, async (c) => {
    const [row] = await db.select().from(workspaceSso).where(eq(workspaceSso.workspaceId, principalOf(c).workspaceId));
    if (!row) throw notSet();
    return c.json(view(c, row), 200);
  });
  app.openapi(routes.delete, async (c) => {
    const rows = await db.delete(workspaceSso).where(eq(workspaceSso.workspaceId, principalOf(c).workspaceId)).returning({ id: workspaceSso.workspaceId });
    if (rows.length === 0) throw notSet();
    return c.body(null, 204);
  });

  // The browser's side. Failures go back to the console's sign-in page, saying why.
  const failed = (c: Context, reason: string) => c.redirect(`/#/sso-error?reason=${encodeURIComponent(reason)}`, 302);
  const secure = (c: Context) => !['localhost', '127.0.0.1', '[::1]'].includes(new URL(c.req.url).hostname);

  app.get('/auth/sso/start', async (c) => {
    const domain = (c.req.query('email') ?? '').trim().toLowerCase().split('@')[1];
    if (!domain) return failed(c, 'enter your work email');
    const matches = await db
      .selectDistinct({ sso: workspaceSso })
      .from(workspaceSso)
      .innerJoin(users, eq(users.workspaceId, workspaceSso.workspaceId))
      .where(sql`lower(split_part(${users.email}, '@', 2)) = ${domain}`)
      .limit(2);
    if (matches.length !== 1) return failed(c, matches.length === 0 ? `no single sign-on for ${domain}: sign in with your password` : `several workspaces use ${domain}: ask your admin`);
    const row = matches[0]!.sso;
    try {
      const config = await ssoConfiguration(row, box, allow);
      const { url, attempt } = await authorizationUrl(config, redirectUri(c), row.workspaceId);
      setCookie(c, ATTEMPT_COOKIE, box.seal(JSON.stringify(attempt)), { path: '/auth/sso', httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: 600 });
      return c.redirect(url.href, 302);
    } catch (err) {
      log.warn({ err, workspaceId: row.workspaceId }, 'single sign-on: the provider could not be reached');
      return failed(c, 'the sign-on provider could not be reached');
    }
  });

  app.get('/auth/sso/callback', async (c) => {
    const sealed = getCookie(c, ATTEMPT_COOKIE);
    deleteCookie(c, ATTEMPT_COOKIE, { path: '/auth/sso', secure: secure(c) });
    let attempt: SsoAttempt;
    try {
      attempt = JSON.parse(box.open(sealed ?? '')) as SsoAttempt;
    } catch {
      return failed(c, 'the sign-on attempt expired: start again');
    }
    if (attempt.expiresAt < Date.now()) return failed(c, 'the sign-on attempt expired: start again');
    const [row] = await db.select().from(workspaceSso).where(eq(workspaceSso.workspaceId, attempt.workspaceId));
    if (!row) return failed(c, 'single sign-on is off for this workspace');
    let email: string;
    try {
      const config = await ssoConfiguration(row, box, allow);
      email = await verifiedEmail(config, new URL(`${redirectUri(c)}${new URL(c.req.url).search}`), attempt);
    } catch (err) {
      log.warn({ err, workspaceId: row.workspaceId }, 'single sign-on: the callback was refused');
      return failed(c, err instanceof Error && /email/.test(err.message) ? err.message : 'the provider did not confirm who you are');
    }
    const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.workspaceId, row.workspaceId), sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.deactivatedAt)));
    if (!user) return failed(c, 'you are not a member of this workspace yet: ask your admin to add you');
    await openSession(c, db, { workspaceId: row.workspaceId, userId: user.id });
    return c.redirect('/#/queue', 302);
  });

  return app;
}
