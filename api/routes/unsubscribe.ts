// One-click unsubscribe (RFC 8058): every email's List-Unsubscribe link is
// /v1/unsubscribe/{signed token}. POST (what mail clients send, and the page's button) opts the
// prospect out for good: prospect opted_out, the address on the suppression list, every cadence
// of the prospect stopped. GET only shows a page with that button: link scanners follow GETs.
// A forged or stale token is a plain 404 that tells nothing.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { prospects, suppressions } from '../../db/schema.js';
import type { UnsubscribeClaims } from '../../security/unsubscribe-token.js';
import type { ApiDeps } from '../deps.js';
import type { AuthEnv } from '../middleware/auth.js';
import { ProblemError, problemResponse, RETRY_AFTER_SECONDS } from '../problem.js';
import { z } from '../scope.js';
import { applyProspectEvent } from '../../application/prospect-events.js';
import { defineRoute } from '../access.js';
import { log } from '../../logging/log.js';

const Params = z.object({ token: z.string().max(400).openapi({ param: { name: 'token', in: 'path' }, description: 'The signed token of the List-Unsubscribe link' }) });
const OneClick = z.object({ 'List-Unsubscribe': z.literal('One-Click').optional() });
const html = (description: string) => ({ content: { 'text/html': { schema: z.string() } }, description });
/** A browser (Accept: text/html) gets a page, a mail client or an integration a problem. */
const htmlOrProblem = (description: string) => ({ content: { ...problemResponse(description).content, 'text/html': { schema: z.string() } }, description });

const routes = [
  defineRoute({
    method: 'get',
    path: '/v1/unsubscribe/{token}',
    tags: ['unsubscribe'],
    summary: 'The confirmation page of an unsubscribe link (changes nothing: its button posts the one-click form)',
    security: [],
    access: { public: 'the signed unsubscribe token in the path' },
    request: { params: Params },
    responses: { 200: html('The page with the unsubscribe button'), 404: htmlOrProblem('Not a valid link') },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/unsubscribe/{token}',
    tags: ['unsubscribe'],
    summary: 'RFC 8058 one-click unsubscribe: the prospect is opted out, suppressed and every cadence stopped (idempotent)',
    description: 'Body `List-Unsubscribe=One-Click` (form-encoded) or empty. Answers HTML to a browser, else JSON.',
    security: [],
    access: { public: 'the signed unsubscribe token in the path' },
    request: { params: Params, body: { content: { 'application/x-www-form-urlencoded': { schema: OneClick } }, required: false } },
    responses: {
      200: { description: 'Unsubscribed (also when already so)', content: { 'application/json': { schema: z.object({ unsubscribed: z.literal(true) }) }, 'text/html': { schema: z.string() } } },
      404: htmlOrProblem('Not a valid link'),
      503: htmlOrProblem('Recorded, but the cadences could not be reached yet: post again'),
    },
  }),
];

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(c: Context, status: 200 | 404 | 503, title: string, body: string) {
  // Security headers and no-store come from the app's one policy (api/security-headers.ts).
  if (status === 503) c.header('retry-after', String(RETRY_AFTER_SECONDS));
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
      `<title>${escape(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}` +
      `button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.3rem;background:#222;color:#fff;cursor:pointer}</style></head>` +
      `<body><h1>${escape(title)}</h1>${body}</body></html>`,
    status,
  );
}

const wantsHtml = (c: Context) => /text\/html/i.test(c.req.header('accept') ?? '');

export function unsubscribeRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const signer = deps.unsubscribe;
  for (const route of routes) app.openAPIRegistry.registerPath(route);

  /** The claims of a genuine token whose prospect still exists in its workspace, with the prospect's address. */
  async function holder(c: Context): Promise<(UnsubscribeClaims & { email: string | null }) | null> {
    const claims = signer.verify(c.req.param('token') ?? '');
    if (!claims) return null;
    const [p] = await deps.db.select({ email: prospects.email }).from(prospects).where(and(eq(prospects.id, claims.prospectId), eq(prospects.workspaceId, claims.workspaceId)));
    return p ? { ...claims, email: p.email } : null;
  }

  const notFound = (c: Context) => {
    if (wantsHtml(c)) return page(c, 404, 'Link not valid', '<p>This unsubscribe link is not valid.</p>');
    throw new ProblemError('not-found', 404, 'no such unsubscribe link');
  };

  app.get('/v1/unsubscribe/:token', async (c) => {
    if (!(await holder(c))) return notFound(c);
    return page(c, 200, 'Unsubscribe', '<p>Stop receiving these emails?</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>');
  });

  app.post('/v1/unsubscribe/:token', async (c) => {
    const h = await holder(c);
    if (!h) return notFound(c);
    // Each write is idempotent and committed before the cadences are told: even if Temporal is
    // unreachable, the opt-out already holds for every email (checked at send time).
    if (h.email) {
      await deps.db
        .insert(suppressions)
        .values({ workspaceId: h.workspaceId, value: h.email.toLowerCase(), kind: 'email', reason: 'unsubscribe' })
        .onConflictDoNothing({ target: [suppressions.workspaceId, suppressions.value] });
    }
    try {
      await applyProspectEvent(deps.temporal, deps.db, { workspaceId: h.workspaceId, prospectId: h.prospectId, source: 'unsubscribe', dedupeKey: `unsubscribe:${h.prospectId}`, payload: { touchId: h.touchId } }, { type: 'opt_out' });
    } catch (err) {
      log.error({ err }, 'unsubscribe: the cadences could not be signalled');
      if (wantsHtml(c)) return page(c, 503, 'Please try again', '<p>Your request was recorded, but could not be completed. Please try again in a moment.</p>');
      throw new ProblemError('service-unavailable', 503, 'recorded, but the cadences could not be reached yet: post again');
    }
    if (wantsHtml(c)) return page(c, 200, 'You are unsubscribed', '<p>You will not receive these emails again.</p>');
    return c.json({ unsubscribed: true as const }, 200);
  });

  return app;
}
