// Click tracking (issue 19 §4), off by default per workspace. On, each link of a sent email is
// /v1/clicks/{token} (outbox/staging.ts): a genuine token records `email.clicked` on the prospect's
// timeline and redirects to the one URL it signs (no open redirect); a forged or edited token is a
// 404 that records nothing. There is no open pixel: docs/reports.md says why.
import { createHash } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { touches, workspaces } from '../../db/schema.js';
import { appendEvent } from '../../application/timeline.js';
import { MAX_CLICK_TOKEN } from '../../security/click-token.js';
import type { ApiDeps } from '../deps.js';
import { defineRoute, ALL_ROLES } from '../access.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonBody, jsonResponse, z } from '../scope.js';

const Params = z.object({ token: z.string().max(MAX_CLICK_TOKEN).openapi({ param: { name: 'token', in: 'path' }, description: 'The signed token of a tracked link' }) });
const Setting = z.strictObject({ enabled: z.boolean().openapi({ description: 'Rewrite the links of emails staged from now on through a signed redirect that records clicks' }) }).openapi('ClickTracking');

const routes = {
  click: defineRoute({
    method: 'get',
    path: '/v1/clicks/{token}',
    tags: ['clicks'],
    summary: 'A tracked link of an email: records the click on the timeline and redirects to the signed target',
    security: [],
    access: { public: 'the signed click token in the path' },
    request: { params: Params },
    responses: { 302: { description: 'To the link of the email' }, 404: problemResponse('Not a valid link') },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/click-tracking',
    tags: ['settings'],
    summary: 'Whether the links of emails are tracked (off by default)',
    access: ALL_ROLES,
    responses: { 200: jsonResponse(Setting, 'The setting') },
  }),
  set: defineRoute({
    method: 'put',
    path: '/v1/click-tracking',
    tags: ['settings'],
    summary: 'Turn click tracking on or off for the workspace',
    description: 'Emails already staged keep their links as they are; reports count clicks only while tracking is on. There is never an open pixel (docs/reports.md).',
    access: ['ops'] as const,
    request: { body: jsonBody(Setting) },
    responses: { 200: jsonResponse(Setting, 'Updated'), 422: problemResponse('Invalid body') },
  }),
};

export function clickRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  app.openapi(routes.click, async (c) => {
    const claims = deps.clicks.verify(c.req.valid('param').token);
    const [t] = claims
      ? await db
          .select({ id: touches.id, prospectId: touches.prospectId, enrollmentId: touches.enrollmentId, stepKey: touches.stepKey, variant: touches.variant, tracking: workspaces.clickTracking })
          .from(touches)
          .innerJoin(workspaces, eq(workspaces.id, touches.workspaceId))
          .where(and(eq(touches.id, claims.touchId), eq(touches.workspaceId, claims.workspaceId)))
      : [];
    if (!claims || !t) throw new ProblemError('not-found', 404, 'no such link');
    // Turned off since the email left: the link still works, nothing is recorded.
    if (t.tracking) {
      const link = createHash('sha256').update(claims.url).digest('hex').slice(0, 16);
      await appendEvent(db, {
        workspaceId: claims.workspaceId,
        prospectId: t.prospectId,
        enrollmentId: t.enrollmentId,
        type: 'email.clicked',
        payload: { touchId: t.id, stepKey: t.stepKey, variant: t.variant, url: claims.url },
        // One click per link of an email: a link scanner's repeated fetches count once.
        dedupeKey: `click:${t.id}:${link}`,
      });
    }
    return c.redirect(claims.url, 302);
  });

  app.openapi(routes.get, async (c) => {
    const [w] = await db.select({ enabled: workspaces.clickTracking }).from(workspaces).where(eq(workspaces.id, principalOf(c).workspaceId));
    return c.json({ enabled: w?.enabled ?? false }, 200);
  });

  app.openapi(routes.set, async (c) => {
    const { enabled } = c.req.valid('json');
    await db.update(workspaces).set({ clickTracking: enabled }).where(eq(workspaces.id, principalOf(c).workspaceId));
    return c.json({ enabled }, 200);
  });

  return app;
}
