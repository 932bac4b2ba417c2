// Workspaces. What ops configure on them (timing rules, escalation quotas) is in settings.ts;
// people (users, accounts, prospects) have their own routes.
import { OpenAPIHono } from '@hono/zod-openapi';
import { apiKeys, workspaces } from '../../db/schema.js';
import { EscalationPolicyOverrideSchema } from '../../domain/cadence/escalation.js';
import { assertTimeZone, parseTimingRules, TimingRulesOverrideSchema } from '../../domain/timing/index.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { toWorkspace, Workspace } from '../workspace-view.js';
import { jsonBody, jsonResponse, z } from '../scope.js';
import { generateApiKey, sameSecret, type AuthEnv } from '../middleware/auth.js';
import { installDefaultSequences } from '../services/sequences.js';
import { timing } from '../services/timing-field.js';
import { defineRoute } from '../access.js';

const WorkspaceCreate = z.strictObject({
  name: z.string().min(1).max(200),
  timeZone: z.string().min(1).default('Europe/Paris'),
  timingRules: TimingRulesOverrideSchema.optional(),
  escalationPolicy: EscalationPolicyOverrideSchema.optional(),
});

const WorkspaceCreated = Workspace.extend({
  apiKey: z.object({ id: z.uuid(), key: z.string(), prefix: z.string(), role: z.literal('admin') }).openapi({ description: 'The first admin key: shown once, stored hashed.' }),
}).openapi('WorkspaceCreated');

const routes = {
  createWorkspace: defineRoute({
    method: 'post',
    path: '/v1/workspaces',
    tags: ['workspaces'],
    summary: 'Create a workspace with the default cadences installed, and its first admin API key (shown once)',
    description: 'Authenticated with the operator token (RELANCE_OPERATOR_TOKEN), not an API key.',
    security: [{ operatorToken: [] }],
    access: { public: 'the operator token (RELANCE_OPERATOR_TOKEN)' },
    request: { body: jsonBody(WorkspaceCreate) },
    responses: {
      201: jsonResponse(WorkspaceCreated, 'Created'),
      401: problemResponse('Missing or wrong operator token'),
      403: problemResponse('Workspace creation is disabled (no operator token configured)'),
    },
  }),
};

export function workspaceRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  // The operator token is checked before the body is read: no one else learns how it is validated.
  app.post('/v1/workspaces', async (c, next) => {
    if (!deps.operatorToken) throw new ProblemError('forbidden', 403, 'workspace creation is disabled: the operator has not set RELANCE_OPERATOR_TOKEN');
    if (!sameSecret(c.req.header('authorization') ?? '', `Bearer ${deps.operatorToken}`)) {
      throw new ProblemError('unauthorized', 401, 'creating a workspace needs Authorization: Bearer <operator token>');
    }
    await next();
  });
  app.openapi(routes.createWorkspace, async (c) => {
    const body = c.req.valid('json');
    timing('body', () => assertTimeZone(body.timeZone));
    timing('body.timingRules', () => parseTimingRules(body.timingRules ?? {}));
    const ws = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(workspaces)
        .values({ name: body.name, timeZone: body.timeZone, timingRules: body.timingRules ?? {}, escalationPolicy: body.escalationPolicy ?? {} })
        .returning();
      await installDefaultSequences(tx, row!.id);
      const key = generateApiKey();
      const [k] = await tx.insert(apiKeys).values({ workspaceId: row!.id, name: 'first admin key', role: 'admin', prefix: key.prefix, secretHash: key.secretHash }).returning();
      return { ...toWorkspace(row!), apiKey: { id: k!.id, key: key.key, prefix: key.prefix, role: 'admin' as const } };
    });
    return c.json(ws, 201);
  });

  return app;
}
