// Enrollments: a prospect enrolled in a sequence, run by one workflow with a deterministic id.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { enrollments, prospects, sequences, sequenceVersions, users } from '../../db/schema.js';
import { enrollmentWorkflowId } from '../../workflows/ids.js';
import type { EnrollmentInputV1 } from '../../workflows/enrollment.js';
import { ProblemError, problemResponse } from '../problem.js';
import type { ApiDeps } from '../deps.js';

const WorkspaceParams = z.object({
  workspaceId: z.uuid().openapi({ param: { name: 'workspaceId', in: 'path' } }),
});

const EnrollmentCreate = z
  .strictObject({
    prospectId: z.uuid(),
    sequenceId: z.uuid(),
    repId: z.uuid(),
    context: z.string().max(2000).optional().openapi({ example: 'Raised a Series B last week' }),
    pretext: z.string().max(2000).optional().openapi({ example: 'We helped Acme cut ramp-up time by 30%' }),
    startAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('EnrollmentCreate');

const Enrollment = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    prospectId: z.uuid(),
    sequenceId: z.uuid(),
    sequenceVersion: z.number().int(),
    repId: z.uuid(),
    workflowId: z.string(),
    status: z.string(),
    context: z.string().nullable(),
    pretext: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Enrollment');

type EnrollmentRow = typeof enrollments.$inferSelect;
const toJson = (r: EnrollmentRow): z.infer<typeof Enrollment> => ({
  id: r.id,
  workspaceId: r.workspaceId,
  prospectId: r.prospectId,
  sequenceId: r.sequenceId,
  sequenceVersion: r.sequenceVersion,
  repId: r.repId,
  workflowId: r.workflowId,
  status: r.status,
  context: r.context,
  pretext: r.pretext,
  createdAt: r.createdAt.toISOString(),
});

const create = createRoute({
  method: 'post',
  path: '/v1/workspaces/{workspaceId}/enrollments',
  tags: ['enrollments'],
  summary: 'Enroll a prospect in a sequence (idempotent: enrolling twice returns the same enrollment)',
  request: {
    params: WorkspaceParams,
    body: { content: { 'application/json': { schema: EnrollmentCreate } }, required: true },
  },
  responses: {
    201: { content: { 'application/json': { schema: Enrollment } }, description: 'Enrolled; the workflow started' },
    200: { content: { 'application/json': { schema: Enrollment } }, description: 'Already enrolled' },
    404: problemResponse('Prospect, sequence or rep not found in this workspace'),
    409: problemResponse('The sequence has no published version'),
    422: problemResponse('Invalid body'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/workspaces/{workspaceId}/enrollments/{enrollmentId}',
  tags: ['enrollments'],
  summary: 'One enrollment',
  request: {
    params: WorkspaceParams.extend({
      enrollmentId: z.uuid().openapi({ param: { name: 'enrollmentId', in: 'path' } }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: Enrollment } }, description: 'The enrollment' },
    404: problemResponse('No such enrollment in this workspace'),
  },
});

export function enrollmentRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono();

  app.openapi(create, async (c) => {
    const { workspaceId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, temporal, taskQueue } = deps;

    const [prospect] = await db
      .select({ id: prospects.id })
      .from(prospects)
      .where(and(eq(prospects.id, body.prospectId), eq(prospects.workspaceId, workspaceId)));
    if (!prospect) throw notFound('prospectId', 'prospect');
    const [rep] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, body.repId), eq(users.workspaceId, workspaceId)));
    if (!rep) throw notFound('repId', 'rep');
    const [sequence] = await db
      .select({ id: sequences.id })
      .from(sequences)
      .where(and(eq(sequences.id, body.sequenceId), eq(sequences.workspaceId, workspaceId)));
    if (!sequence) throw notFound('sequenceId', 'sequence');
    const [latest] = await db
      .select({ version: sequenceVersions.version })
      .from(sequenceVersions)
      .where(and(eq(sequenceVersions.sequenceId, sequence.id), isNotNull(sequenceVersions.publishedAt)))
      .orderBy(desc(sequenceVersions.version))
      .limit(1);
    if (!latest) throw new ProblemError('conflict', 409, 'the sequence has no published version');

    const workflowId = enrollmentWorkflowId(workspaceId, body.prospectId, body.sequenceId);
    // Row and workflow start in one transaction: if Temporal refuses, no orphan row is left.
    const result = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(enrollments)
        .values({
          workspaceId,
          prospectId: body.prospectId,
          sequenceId: body.sequenceId,
          sequenceVersion: latest.version,
          repId: body.repId,
          workflowId,
          context: body.context ?? null,
          pretext: body.pretext ?? null,
        })
        .onConflictDoNothing({ target: enrollments.workflowId })
        .returning();
      const row = inserted[0];
      if (!row) {
        const [existing] = await tx.select().from(enrollments).where(eq(enrollments.workflowId, workflowId));
        return { row: existing!, created: false };
      }
      const input: EnrollmentInputV1 = {
        version: 1,
        workspaceId,
        enrollmentId: row.id,
        prospectId: row.prospectId,
        ...(body.startAt ? { startAt: new Date(body.startAt).toISOString() } : {}),
      };
      await temporal.workflow.start('enrollmentWorkflow', {
        taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return { row, created: true };
    });
    return result.created ? c.json(toJson(result.row), 201) : c.json(toJson(result.row), 200);
  });

  app.openapi(get, async (c) => {
    const { workspaceId, enrollmentId } = c.req.valid('param');
    const [row] = await deps.db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.workspaceId, workspaceId)));
    if (!row) throw new ProblemError('not-found', 404, 'no such enrollment in this workspace');
    return c.json(toJson(row), 200);
  });

  return app;
}

function notFound(field: string, what: string) {
  return new ProblemError('not-found', 404, `${what} not found in this workspace`, {
    errors: [{ field: `body.${field}`, message: `no such ${what} in this workspace` }],
  });
}
