// Sequences as data: create (published as version 1), publish a new version, list.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { sequences, sequenceVersions } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { problemResponse } from '../problem.js';
import { createRoute, jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, requireRole, type AuthEnv } from '../middleware/auth.js';
import { createSequence, publishVersion, validateDefinition } from '../services/sequences.js';

const Definition = z.record(z.string(), z.unknown()).openapi('SequenceDefinition', {
  description: 'A sequence definition (schemaVersion 1): key, name, optional timing overrides, steps with timing rules, templates and outcome mappings.',
});
const SequenceVersion = z
  .object({ sequenceId: z.uuid(), key: z.string(), name: z.string(), status: z.string(), version: z.number().int(), publishedAt: z.string().nullable(), definition: Definition })
  .openapi('SequenceVersion');

const body = z.strictObject({ definition: z.unknown() });
const toJson = (seq: typeof sequences.$inferSelect, v: typeof sequenceVersions.$inferSelect): z.infer<typeof SequenceVersion> => ({
  sequenceId: seq.id,
  key: seq.key,
  name: seq.name,
  status: seq.status,
  version: v.version,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  definition: v.definition as Record<string, unknown>,
});

const create = createRoute({
  method: 'post',
  path: '/v1/sequences',
  tags: ['sequences'],
  summary: 'Create a sequence from a validated definition, published as version 1',
  request: { body: jsonBody(body) },
  responses: {
    201: jsonResponse(SequenceVersion, 'Created and published'),
    409: problemResponse('The key is already used in this workspace'),
    422: problemResponse('Invalid definition; `errors` names each field'),
  },
});
const publish = createRoute({
  method: 'post',
  path: '/v1/sequences/{sequenceId}/versions',
  tags: ['sequences'],
  summary: 'Publish a new version; running enrollments keep theirs, new ones take it',
  request: { params: z.object({ sequenceId: pathId('sequenceId') }), body: jsonBody(body) },
  responses: {
    201: jsonResponse(SequenceVersion, 'Published'),
    404: problemResponse('No such sequence in this workspace'),
    409: problemResponse('The sequence is archived'),
    422: problemResponse('Invalid definition'),
  },
});
const list = createRoute({
  method: 'get',
  path: '/v1/sequences',
  tags: ['sequences'],
  summary: 'Sequences with their latest published version',
  request: {},
  responses: { 200: jsonResponse(z.object({ data: z.array(SequenceVersion) }), 'The sequences') },
});

export function sequenceRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  app.openapi(create, async (c) => {
    const { workspaceId } = principalOf(c);
    const def = validateDefinition(c.req.valid('json').definition);
    const { sequence, version } = await createSequence(deps.db, workspaceId, def);
    return c.json(toJson(sequence, version), 201);
  });
  app.openapi(publish, async (c) => {
    const { workspaceId } = principalOf(c);
    const { sequenceId } = c.req.valid('param');
    const def = validateDefinition(c.req.valid('json').definition);
    const { sequence, version } = await publishVersion(deps.db, workspaceId, sequenceId, def);
    return c.json(toJson(sequence, version), 201);
  });
  app.openapi(list, async (c) => {
    const { workspaceId } = principalOf(c);
    const rows = await deps.db
      .selectDistinctOn([sequences.id], { seq: sequences, v: sequenceVersions })
      .from(sequences)
      .innerJoin(sequenceVersions, and(eq(sequenceVersions.sequenceId, sequences.id), isNotNull(sequenceVersions.publishedAt)))
      .where(eq(sequences.workspaceId, workspaceId))
      .orderBy(sequences.id, desc(sequenceVersions.version));
    return c.json({ data: rows.map((r) => toJson(r.seq, r.v)) }, 200);
  });
  return app;
}
