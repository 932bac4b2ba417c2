// Sequences as data: create (published as version 1, or a draft), edit the draft, validate
// without writing, publish a version (given or the draft), archive, list and read.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, asc, desc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { sequences, sequenceVersions } from '../../db/schema.js';
import type { ApiDeps } from '../deps.js';
import { decodeCursor, KeyCursor, page, PageQuery, pageSchema } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { archiveSequence, coldCallErrors, createSequence, definitionErrors, publishVersion, saveDraft, sequenceWithVersions, validateDefinition } from '../services/sequences.js';
import { defineRoute, ALL_ROLES } from '../access.js';

const Definition = z.record(z.string(), z.unknown()).openapi('SequenceDefinition', {
  description: 'A sequence definition (schemaVersion 1): key, name, optional timing overrides, steps with timing rules, templates and outcome mappings.',
});
const SequenceVersion = z
  .object({
    sequenceId: z.uuid(),
    key: z.string(),
    name: z.string(),
    status: z.string(),
    version: z.number().int(),
    publishedAt: z.string().nullable().openapi({ description: 'null for the draft' }),
    definition: Definition,
  })
  .openapi('SequenceVersion');
const SequenceDetail = z
  .object({
    sequenceId: z.uuid(),
    key: z.string(),
    name: z.string(),
    status: z.string(),
    createdAt: z.string(),
    versions: z.array(z.object({ version: z.number().int(), draft: z.boolean(), publishedAt: z.string().nullable(), createdAt: z.string(), definition: Definition })),
  })
  .openapi('SequenceDetail');

type SeqRow = typeof sequences.$inferSelect;
type VersionRow = typeof sequenceVersions.$inferSelect;
const toJson = (seq: SeqRow, v: VersionRow): z.infer<typeof SequenceVersion> => ({
  sequenceId: seq.id,
  key: seq.key,
  name: seq.name,
  status: seq.status,
  version: v.version,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  definition: v.definition as Record<string, unknown>,
});

// The definition is required and an object here; its content is validated by the domain, field by field.
const createBody = z.strictObject({
  definition: Definition,
  publish: z.boolean().default(true).openapi({ description: 'false: keep version 1 as a draft (no enrollment may use it)' }),
});
const definitionBody = z.strictObject({ definition: Definition });
const publishBody = z.strictObject({ definition: Definition.optional().openapi({ description: 'omit to publish the draft' }) });
const SeqParams = z.object({ sequenceId: pathId('sequenceId') });
const isDraft = isNull(sequenceVersions.publishedAt);

const routes = {
  create: defineRoute({
    method: 'post',
    path: '/v1/sequences',
    tags: ['sequences'],
    summary: 'Create a sequence from a validated definition, published as version 1 (or kept as a draft)',
    access: ['ops'] as const,
    request: { body: jsonBody(createBody) },
    responses: {
      201: jsonResponse(SequenceVersion, 'Created (published, or a draft when publish is false)'),
      409: problemResponse('The key is already used in this workspace'),
      422: problemResponse('Invalid definition; `errors` names each field'),
    },
  }),
  validate: defineRoute({
    method: 'post',
    path: '/v1/sequences/validate',
    access: ALL_ROLES,
    tags: ['sequences'],
    summary: 'Validate a definition without writing anything',
    request: { body: jsonBody(definitionBody) },
    responses: {
      200: jsonResponse(z.object({ valid: z.boolean(), errors: z.array(z.object({ field: z.string(), message: z.string() })) }), 'The verdict; `errors` names each field'),
    },
  }),
  draft: defineRoute({
    method: 'put',
    path: '/v1/sequences/{sequenceId}/draft',
    tags: ['sequences'],
    summary: 'Replace the draft (created when there is none); enrollments never see it',
    access: ['ops'] as const,
    request: { params: SeqParams, body: jsonBody(definitionBody) },
    responses: {
      200: jsonResponse(SequenceVersion, 'The draft'),
      404: problemResponse('No such sequence in this workspace'),
      409: problemResponse('The sequence is archived'),
      422: problemResponse('Invalid definition'),
    },
  }),
  publish: defineRoute({
    method: 'post',
    path: '/v1/sequences/{sequenceId}/versions',
    tags: ['sequences'],
    summary: 'Publish a new version (the body, or the draft when no body); running enrollments keep theirs, new ones take it',
    access: ['ops'] as const,
    request: { params: SeqParams, body: { ...jsonBody(publishBody), required: false } },
    responses: {
      201: jsonResponse(SequenceVersion, 'Published'),
      404: problemResponse('No such sequence in this workspace'),
      409: problemResponse('The sequence is archived, or there is no draft to publish'),
      422: problemResponse('Invalid definition'),
    },
  }),
  archive: defineRoute({
    method: 'post',
    path: '/v1/sequences/{sequenceId}/archive',
    tags: ['sequences'],
    summary: 'Archive: new enrollments are refused with 409, running ones continue',
    access: ['ops'] as const,
    request: { params: SeqParams },
    responses: { 200: jsonResponse(SequenceDetail.omit({ versions: true }), 'Archived'), 404: problemResponse('No such sequence in this workspace') },
  }),
  list: defineRoute({
    method: 'get',
    path: '/v1/sequences',
    access: ALL_ROLES,
    tags: ['sequences'],
    summary: 'Sequences (by key) with their latest published version, or their draft when none is published',
    request: { query: PageQuery.extend({ status: z.enum(['draft', 'active', 'archived']).optional() }) },
    responses: { 200: jsonResponse(pageSchema(SequenceVersion.extend({ draftVersion: z.number().int().nullable() })), 'A page of sequences'), 400: problemResponse('Bad query or cursor') },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/sequences/{sequenceId}',
    access: ALL_ROLES,
    tags: ['sequences'],
    summary: 'One sequence with all its versions, newest first',
    request: { params: SeqParams },
    responses: { 200: jsonResponse(SequenceDetail, 'The sequence'), 404: problemResponse('No such sequence in this workspace') },
  }),
};

export function sequenceRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    const { sequence, version } = await createSequence(db, workspaceId, validateDefinition(body.definition), { publish: body.publish });
    return c.json(toJson(sequence, version), 201);
  });

  app.openapi(routes.validate, async (c) => {
    const { def, errors } = definitionErrors(c.req.valid('json').definition);
    // What publishing would also refuse: a call too cold for the workspace's rule.
    if (def) errors.push(...(await coldCallErrors(db, principalOf(c).workspaceId, def)));
    return c.json({ valid: errors.length === 0, errors }, 200);
  });

  app.openapi(routes.draft, async (c) => {
    const { workspaceId } = principalOf(c);
    const { sequence, version } = await saveDraft(db, workspaceId, c.req.valid('param').sequenceId, validateDefinition(c.req.valid('json').definition));
    return c.json(toJson(sequence, version), 200);
  });

  app.openapi(routes.publish, async (c) => {
    const { workspaceId } = principalOf(c);
    const { definition } = c.req.valid('json');
    const def = definition === undefined ? null : validateDefinition(definition);
    const { sequence, version } = await publishVersion(db, workspaceId, c.req.valid('param').sequenceId, def);
    return c.json(toJson(sequence, version), 201);
  });

  app.openapi(routes.archive, async (c) => {
    const { workspaceId } = principalOf(c);
    const s = await archiveSequence(db, workspaceId, c.req.valid('param').sequenceId);
    return c.json({ sequenceId: s.id, key: s.key, name: s.name, status: s.status, createdAt: s.createdAt.toISOString() }, 200);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const { limit, cursor, status } = c.req.valid('query');
    const after = decodeCursor(cursor, KeyCursor);
    // Keyset on (key, id): keys are unique per workspace, so pages neither skip nor repeat.
    const where: (SQL | undefined)[] = [eq(sequences.workspaceId, workspaceId), status ? eq(sequences.status, status) : undefined];
    if (after) where.push(or(gt(sequences.key, after.k), and(eq(sequences.key, after.k), gt(sequences.id, after.id))));
    const seqs = await db.select().from(sequences).where(and(...where)).orderBy(asc(sequences.key), asc(sequences.id)).limit(limit + 1);
    const ids = seqs.map((s) => s.id);
    const versions = ids.length
      ? await db
          .selectDistinctOn([sequenceVersions.sequenceId, isDraft], { v: sequenceVersions })
          .from(sequenceVersions)
          .where(inArray(sequenceVersions.sequenceId, ids))
          // Per sequence: the latest published version, and the draft (publishedAt null) if any.
          .orderBy(sequenceVersions.sequenceId, isDraft, desc(sequenceVersions.version))
      : [];
    const result = page(seqs, limit, (s) => ({ k: s.key, id: s.id }));
    const data = result.data.map((s) => {
      const mine = versions.filter((r) => r.v.sequenceId === s.id);
      const draft = mine.find((r) => r.v.publishedAt === null)?.v;
      const published = mine.find((r) => r.v.publishedAt !== null)?.v;
      return { ...toJson(s, (published ?? draft)!), draftVersion: draft?.version ?? null };
    });
    return c.json({ data, nextCursor: result.nextCursor }, 200);
  });

  app.openapi(routes.get, async (c) => {
    const { workspaceId } = principalOf(c);
    const { sequence: s, versions } = await sequenceWithVersions(db, workspaceId, c.req.valid('param').sequenceId);
    return c.json(
      {
        sequenceId: s.id,
        key: s.key,
        name: s.name,
        status: s.status,
        createdAt: s.createdAt.toISOString(),
        versions: versions.map((v) => ({
          version: v.version,
          draft: v.publishedAt === null,
          publishedAt: v.publishedAt?.toISOString() ?? null,
          createdAt: v.createdAt.toISOString(),
          definition: v.definition as Record<string, unknown>,
        })),
      },
      200,
    );
  });
  return app;
}
