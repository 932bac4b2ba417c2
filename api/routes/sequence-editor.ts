// What the sequence editor reads besides the versions (routes/sequences.ts): a definition's steps
// in words with each template rendered for a prospect and planned in their zone (a preview, nothing
// written), the diff between two versions, and how many enrollments run each version.
import { OpenAPIHono } from '@hono/zod-openapi';
import { diffDefinitions } from '../../domain/sequences/index.js';
import { defineRoute, ALL_ROLES } from '../access.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { problemResponse, ProblemError } from '../problem.js';
import { jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { previewDefinition } from '../services/sequence-preview.js';
import { definitionOf, diffVersions, enrollmentsByVersion, ENROLLMENT_STATUSES, sequenceIn } from '../services/sequence-versions.js';
import { validateDefinition } from '../services/sequences.js';

const SeqParams = z.object({ sequenceId: pathId('sequenceId') });
const VersionNumber = z.number().int().min(1).max(2_147_483_647);
const QueryVersion = z.coerce.number().int().min(1).max(2_147_483_647);

const previewBody = z.strictObject({
  definition: z.record(z.string(), z.unknown()).optional().openapi({ description: 'A definition being edited (not saved); omit to preview `version`' }),
  version: VersionNumber.optional().openapi({ description: 'A stored version; with neither, the draft, else the latest published version' }),
  prospectId: z.uuid().optional().openapi({ description: 'Render and plan for this prospect, in their zone; omit for the steps in words only' }),
  repId: z.uuid().optional().openapi({ description: 'The rep whose name and phone the templates use (default: the caller)' }),
  context: z.string().max(500).optional().openapi({ description: 'The trigger event the enrollment would carry' }),
  pretext: z.string().max(2000).optional().openapi({ description: 'The reason to call the enrollment would carry' }),
});
const PreviewStep = z.object({
  stepId: z.string(),
  type: z.string(),
  day: z.number().int().openapi({ description: 'The business day of the cadence the step nominally falls on (1: the first)' }),
  when: z.string().openapi({ description: 'The timing in words, e.g. "day 2 at 08:00 in the prospect\'s zone"' }),
  what: z.string().openapi({ description: 'The step in words, e.g. "email announcing the 09:15 call"' }),
  plannedAt: z.string().nullable().openapi({ description: 'When the step would fall due if the prospect were enrolled now, along the expected path (calls unanswered); null off that path or without a prospect' }),
  localTime: z.string().nullable().openapi({ description: 'plannedAt in the prospect\'s zone, e.g. "Tue 8 Dec 08:00"' }),
  subject: z.string().nullable(),
  body: z.string().nullable().openapi({ description: 'The template rendered as sent (email, note) or shown to the rep (call script); null for an A/B step (see variants)' }),
  variants: z
    .array(
      z.object({
        key: z.string(),
        weight: z.number().int(),
        share: z.number().openapi({ description: 'Its weight over the step\'s total: the share of prospects that get it (0-1)' }),
        subject: z.string().nullable(),
        body: z.string().nullable(),
      }),
    )
    .nullable()
    .openapi({ description: "An A/B email step's variants, each rendered for the prospect (which one they get is drawn at enrollment); null for a step with one template" }),
});
const Preview = z
  .object({
    sequenceId: z.uuid(),
    version: z.number().int().nullable().openapi({ description: 'The version previewed; null for a definition sent in the body' }),
    timeZone: z.string().nullable().openapi({ description: "The prospect's zone; null without a prospect" }),
    steps: z.array(PreviewStep),
  })
  .openapi('SequencePreview');

const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const Diff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    sequence: z.array(FieldChange).openapi({ description: 'Changes to the sequence itself (name, description, timing overrides...)' }),
    added: z.array(z.string()).openapi({ description: 'Ids of the steps only `to` has' }),
    removed: z.array(z.string()).openapi({ description: 'Ids of the steps only `from` has' }),
    changed: z.array(z.object({ stepId: z.string(), changes: z.array(FieldChange) })).openapi({ description: 'Steps both have, field by field (dotted from the step)' }),
    reordered: z.object({ before: z.array(z.string()), after: z.array(z.string()) }).nullable(),
  })
  .openapi('SequenceDiff');
const VersionEnrollments = z
  .object({
    sequenceId: z.uuid(),
    versions: z.array(z.object({ version: z.number().int(), total: z.number().int(), byStatus: z.object(Object.fromEntries(ENROLLMENT_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ENROLLMENT_STATUSES)[number], z.ZodNumber>) })),
  })
  .openapi('SequenceVersionEnrollments');

const routes = {
  preview: defineRoute({
    method: 'post',
    path: '/v1/sequences/{sequenceId}/preview',
    tags: ['sequences'],
    summary: "Preview a definition or version: each step's timing in words and, for a prospect, its templates rendered and its planned time in their zone",
    description: 'Uses the template engine and the planning the cadence uses when it runs; writes nothing.',
    access: ['ops', 'rep'] as const,
    request: { params: SeqParams, body: jsonBody(previewBody) },
    responses: {
      200: jsonResponse(Preview, 'The steps, rendered and planned'),
      404: problemResponse('No such sequence, version, prospect or rep in this workspace; `errors` names the field'),
      422: problemResponse('An invalid definition (`errors` names each field), both a definition and a version, or a prospect whose zone cannot be read'),
    },
  }),
  diff: defineRoute({
    method: 'get',
    path: '/v1/sequences/{sequenceId}/diff',
    access: ALL_ROLES,
    tags: ['sequences'],
    summary: 'What changed from one version to another: steps added, removed, changed field by field, reordered',
    request: {
      params: SeqParams,
      query: z.object({
        from: QueryVersion.optional().openapi({ description: 'Default: the published version before `to`' }),
        to: QueryVersion.optional().openapi({ description: 'Default: the draft, else the latest published version' }),
      }),
    },
    responses: { 200: jsonResponse(Diff, 'The changes'), 404: problemResponse('No such sequence, or no such version (or none before `to`); `errors` names query.from or query.to') },
  }),
  enrollments: defineRoute({
    method: 'get',
    path: '/v1/sequences/{sequenceId}/enrollment-counts',
    access: ['ops', 'rep'] as const,
    tags: ['sequences'],
    summary: 'How many enrollments run each version, by status (a rep key: its own and its reports\'); list them with GET /v1/enrollments?sequenceId=&sequenceVersion=',
    request: { params: SeqParams },
    responses: { 200: jsonResponse(VersionEnrollments, 'Counts per version, newest first'), 404: problemResponse('No such sequence in this workspace') },
  }),
};

export function sequenceEditorRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(routes.preview, async (c) => {
    const p = principalOf(c);
    const { sequenceId } = c.req.valid('param');
    const body = c.req.valid('json');
    if (body.definition && body.version !== undefined) {
      throw new ProblemError('validation-failed', 422, 'body.version: send a definition or a version, not both', { errors: [{ field: 'body.version', message: 'send a definition or a version, not both' }] });
    }
    const seq = await sequenceIn(db, p.workspaceId, sequenceId);
    const chosen = body.definition ? { version: null, definition: validateDefinition(body.definition) } : await definitionOf(db, p.workspaceId, seq.id, body.version ?? null, 'body.version');
    const preview = await previewDefinition(db, p, chosen.definition, body);
    return c.json({ sequenceId: seq.id, version: chosen.version, ...preview }, 200);
  });

  app.openapi(routes.diff, async (c) => {
    const { workspaceId } = principalOf(c);
    const { sequenceId } = c.req.valid('param');
    const { from, to } = await diffVersions(db, workspaceId, sequenceId, c.req.valid('query'));
    const before = await definitionOf(db, workspaceId, sequenceId, from, 'query.from');
    const after = await definitionOf(db, workspaceId, sequenceId, to, 'query.to');
    return c.json({ from, to, ...diffDefinitions(before.definition, after.definition) }, 200);
  });

  app.openapi(routes.enrollments, async (c) => {
    const { sequenceId } = c.req.valid('param');
    return c.json({ sequenceId, versions: await enrollmentsByVersion(db, principalOf(c), sequenceId) }, 200);
  });
  return app;
}
