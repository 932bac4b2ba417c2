// Inbound webhook sources of the workspace and their signing secrets. A secret is generated
// here, shown once, stored sealed; PUT again rotates it (the old one stops working at once).
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { inboundSources } from '../../db/schema.js';
import { generateInboundSecret } from '../../security/inbound-signature.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { jsonResponse, z } from '../scope.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { INBOUND_SOURCES } from '../services/inbound/types.js';
import { defineRoute } from '../access.js';

const SourceParams = z.object({ source: z.enum(INBOUND_SOURCES).openapi({ param: { name: 'source', in: 'path' } }) });
const Source = z
  .object({ source: z.enum(INBOUND_SOURCES), url: z.string().openapi({ description: 'Where the source POSTs, relative to the API' }), createdAt: z.string() })
  .openapi('InboundSource');
const SourceWithSecret = Source.extend({ secret: z.string().openapi({ description: 'whsec_...: shown once, stored encrypted' }) }).openapi('InboundSourceSecret');

const toJson = (r: { workspaceId: string; source: (typeof INBOUND_SOURCES)[number]; createdAt: Date }) => ({
  source: r.source,
  url: `/v1/inbound/${r.workspaceId}/${r.source}`,
  createdAt: r.createdAt.toISOString(),
});

const routes = {
  put: defineRoute({
    method: 'put',
    path: '/v1/inbound-sources/{source}',
    tags: ['inbound'],
    summary: "Create or rotate a source's signing secret (returned once)",
    access: ['integration'] as const,
    request: { params: SourceParams },
    responses: {
      201: jsonResponse(SourceWithSecret, 'Created'),
      200: jsonResponse(SourceWithSecret, 'Rotated: the previous secret no longer verifies'),
    },
  }),
  list: defineRoute({
    method: 'get',
    path: '/v1/inbound-sources',
    tags: ['inbound'],
    summary: 'The configured inbound sources (never their secrets)',
    access: ['integration'] as const,
    responses: { 200: jsonResponse(z.object({ data: z.array(Source) }), 'The sources') },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/v1/inbound-sources/{source}',
    tags: ['inbound'],
    summary: 'Remove a source: its deliveries are refused from now on',
    access: ['integration'] as const,
    request: { params: SourceParams },
    responses: { 204: { description: 'Removed' }, 404: problemResponse('No such source') },
  }),
};

export function inboundSourceRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const box = deps.secrets;

  app.openapi(routes.put, async (c) => {
    const { workspaceId } = principalOf(c);
    const { source } = c.req.valid('param');
    const secret = generateInboundSecret();
    const sealed = box.seal(secret);
    const [row] = await deps.db
      .insert(inboundSources)
      .values({ workspaceId, source, secret: sealed })
      .onConflictDoUpdate({ target: [inboundSources.workspaceId, inboundSources.source], set: { secret: sealed, createdAt: sql`now()` } })
      // xmax is 0 on a freshly inserted row, set on an updated one.
      .returning({ workspaceId: inboundSources.workspaceId, source: inboundSources.source, createdAt: inboundSources.createdAt, inserted: sql<boolean>`(xmax = 0)` });
    const body = { ...toJson(row!), secret };
    return row!.inserted ? c.json(body, 201) : c.json(body, 200);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const rows = await deps.db
      .select({ workspaceId: inboundSources.workspaceId, source: inboundSources.source, createdAt: inboundSources.createdAt })
      .from(inboundSources)
      .where(eq(inboundSources.workspaceId, workspaceId))
      .orderBy(asc(inboundSources.source));
    return c.json({ data: rows.map(toJson) }, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { workspaceId } = principalOf(c);
    const { source } = c.req.valid('param');
    const gone = await deps.db.delete(inboundSources).where(and(eq(inboundSources.workspaceId, workspaceId), eq(inboundSources.source, source))).returning({ id: inboundSources.id });
    if (gone.length === 0) throw new ProblemError('not-found', 404, `no ${source} source in this workspace`);
    return c.body(null, 204);
  });

  return app;
}
