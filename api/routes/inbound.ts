// Inbound webhooks, one endpoint per source: POST /v1/inbound/{workspaceId}/{source}. No API
// key: a delivery is authenticated by its Standard Webhooks signature over the raw body, with
// the source's secret. Only then is the body parsed; the webhook-id is recorded with the
// effects, so a replayed delivery is acknowledged without being applied twice.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { inboundSources } from '../../db/schema.js';
import { InboundSignatureError, INBOUND_TOLERANCE_SECONDS, verifyInboundSignature } from '../../security/inbound-signature.js';
import type { SecretBox } from '../../security/secrets.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { parseBody } from '../validation.js';
import { jsonBody, jsonResponse, WorkspaceParams, z } from '../scope.js';
import type { AuthEnv } from '../middleware/auth.js';
import { inboundMappings, INBOUND_SOURCES, withReceipt, type InboundSource } from '../services/inbound/index.js';
import { defineRoute } from '../access.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SignatureHeaders = z.object({
  'webhook-id': z.string().max(255).openapi({ description: 'Unique per message, stable across retries: a replay is acknowledged, not applied' }),
  'webhook-timestamp': z.string().openapi({ description: `Unix seconds; refused when more than ${INBOUND_TOLERANCE_SECONDS / 60} minutes off` }),
  'webhook-signature': z.string().openapi({ description: 'v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" with the whsec_ secret>' }),
});
const Applied = z.object({ applied: z.boolean(), duplicate: z.literal(false) }).passthrough();

async function secretOf(db: Database, box: SecretBox, workspaceId: string, source: InboundSource): Promise<string | null> {
  if (!UUID.test(workspaceId)) return null;
  const [row] = await db.select({ secret: inboundSources.secret }).from(inboundSources).where(and(eq(inboundSources.workspaceId, workspaceId), eq(inboundSources.source, source)));
  return row ? box.open(row.secret) : null;
}

export function inboundRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const box = deps.secrets;

  for (const source of INBOUND_SOURCES) {
    const mapping = inboundMappings[source];
    // Documented only: the body is validated after the signature, not by a route validator.
    app.openAPIRegistry.registerPath(
      defineRoute({
        method: 'post',
        path: `/v1/inbound/{workspaceId}/${source}`,
        tags: ['inbound'],
        summary: mapping.summary,
        description: `Signed per Standard Webhooks with the ${source} source's secret (PUT /v1/inbound-sources/${source}).`,
        security: [],
        access: { public: 'signed by the source (Standard Webhooks signature with its secret)' },
        request: { params: WorkspaceParams, headers: SignatureHeaders, body: jsonBody(mapping.schema) },
        responses: {
          202: jsonResponse(Applied, 'Accepted; `applied` says whether it changed anything'),
          200: jsonResponse(z.object({ duplicate: z.literal(true) }), 'This webhook-id was already received: nothing applied again'),
          401: problemResponse('Missing, stale or wrong signature, or no such source'),
          404: problemResponse('The task the event is about does not exist'),
          409: problemResponse('The event does not fit the current state'),
          422: problemResponse('The body does not match the schema; `errors` names each field'),
        },
      }),
    );

    app.post(`/v1/inbound/:workspaceId/${source}`, async (c) => {
      const raw = await c.req.text();
      const workspaceId = c.req.param('workspaceId');
      let messageId: string;
      try {
        const secret = await secretOf(deps.db, box, workspaceId, source);
        ({ messageId } = verifyInboundSignature(secret, raw, {
          'webhook-id': c.req.header('webhook-id'),
          'webhook-timestamp': c.req.header('webhook-timestamp'),
          'webhook-signature': c.req.header('webhook-signature'),
        }));
      } catch (err) {
        if (err instanceof InboundSignatureError) throw new ProblemError('bad-signature', 401, err.message);
        throw err;
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ProblemError('validation-failed', 422, 'body: not valid JSON', { errors: [{ field: 'body', message: 'not valid JSON' }] });
      }
      const body = parseBody(mapping.schema, json);
      const ctx = { deps, workspaceId, source, messageId, dedupeKey: `inbound:${source}:${messageId}` };
      const outcome = await withReceipt(deps.db, { workspaceId, source, messageId }, () => mapping.apply(ctx, body));
      if (outcome.duplicate) return c.json({ duplicate: true }, 200);
      return c.json({ ...outcome.result, duplicate: false }, 202);
    });
  }
  return app;
}
