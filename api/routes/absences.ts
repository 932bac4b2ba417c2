// A rep's time off: whole days in the rep's zone, optionally covered by another rep. Ops and the
// rep's manager write anyone's they manage; a rep key declares its own (waiting, no cover).
import { OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute } from '../access.js';
import { clockOf, type ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { problemResponse } from '../problem.js';
import { jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { createAbsence, deleteAbsence, listAbsences, updateAbsence, type AbsenceRow } from '../services/rep-absence.js';

const LocalDate = z.iso.date().openapi({ description: "A date (YYYY-MM-DD) in the rep's zone", example: '2026-12-21' });
const Note = z.string().max(500).openapi({ description: 'Why, for the team (never shown to prospects)' });
const Cover = z.uuid().openapi({ description: "The rep who takes this rep's tasks and announced calls meanwhile (ops or the rep's manager choose); none: the rep's cadences wait for the return" });

const AbsenceCreate = z.strictObject({ startsOn: LocalDate, endsOn: LocalDate.openapi({ description: 'The last day away (inclusive); the rep is back the next day' }), coveringUserId: Cover.optional(), note: Note.optional() });
const AbsencePatch = z.strictObject({ startsOn: LocalDate.optional(), endsOn: LocalDate.optional(), coveringUserId: Cover.nullable().optional(), note: Note.nullable().optional() });

const Absence = z
  .object({ id: z.uuid(), userId: z.uuid(), startsOn: z.string(), endsOn: z.string(), coveringUserId: z.uuid().nullable(), note: z.string().nullable(), createdAt: z.string() })
  .openapi('RepAbsence');
const Effects = z
  .object({
    tasksToCover: z.number().int().openapi({ description: 'Open and upcoming tasks in the time off handed to the covering rep' }),
    callSlotsToCover: z.number().int().openapi({ description: "Announced calls moved onto the covering rep's capacity" }),
    promisesAtRisk: z
      .array(z.object({ taskId: z.uuid(), enrollmentId: z.uuid().nullable(), kind: z.string(), dueAt: z.string(), prospectTimeZone: z.string().nullable(), reason: z.string() }))
      .openapi({ description: 'Announced calls and callbacks already promised in the time off that nobody covers: reassign them, or keep them' }),
    cadencesNotified: z.number().int().openapi({ description: "Running cadences of the rep told to plan their waiting step again" }),
    cadencesNotReached: z.number().int().openapi({ description: 'Cadences Temporal did not reach now: they read the time off when they plan their next step' }),
  })
  .openapi('RepAbsenceEffects');
const AbsenceWithEffects = z.object({ absence: Absence, effects: Effects }).openapi('RepAbsenceWritten');

const toAbsence = (a: AbsenceRow) => ({ id: a.id, userId: a.userId, startsOn: a.startsOn, endsOn: a.endsOn, coveringUserId: a.coveringUserId, note: a.note, createdAt: a.createdAt.toISOString() });

const UserParams = z.object({ userId: pathId('userId') });
const AbsenceParams = UserParams.extend({ absenceId: pathId('absenceId') });
const WHO = "Ops, the rep's manager, or the rep (its own time off, without a cover)";

const routes = {
  create: defineRoute({
    method: 'post',
    path: '/v1/users/{userId}/absences',
    tags: ['people'],
    summary: "Declare a rep's time off: no call is announced in it, and their cadences wait or pass to the covering rep",
    description: `${WHO}. The public holidays of the rep's country count as days away too, without a declaration.`,
    access: ['ops', 'rep'] as const,
    request: { params: UserParams, body: jsonBody(AbsenceCreate) },
    responses: {
      201: jsonResponse(AbsenceWithEffects, 'Declared, with what it changed'),
      403: problemResponse("Choosing a covering rep needs ops or the rep's manager"),
      404: problemResponse('No such user, or no such covering user, in this workspace'),
      409: problemResponse('It overlaps another time off of the rep'),
      422: problemResponse('Invalid body: dates out of order, already over, longer than a year; a rep covering for themselves'),
    },
  }),
  list: defineRoute({
    method: 'get',
    path: '/v1/users/{userId}/absences',
    tags: ['people'],
    summary: "A rep's time off, earliest first",
    description: WHO,
    access: ['ops', 'rep'] as const,
    request: { params: UserParams },
    responses: { 200: jsonResponse(z.object({ data: z.array(Absence) }), 'The time off'), 404: problemResponse('No such user in this workspace') },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/users/{userId}/absences/{absenceId}',
    tags: ['people'],
    summary: 'Change a time off: its dates, its covering rep (null: the cadences wait), its note',
    description: WHO,
    access: ['ops', 'rep'] as const,
    request: { params: AbsenceParams, body: jsonBody(AbsencePatch) },
    responses: {
      200: jsonResponse(AbsenceWithEffects, 'Changed, with what it changed'),
      403: problemResponse("Choosing a covering rep needs ops or the rep's manager"),
      404: problemResponse('No such user, time off or covering user'),
      409: problemResponse('It overlaps another time off of the rep'),
    },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/v1/users/{userId}/absences/{absenceId}',
    tags: ['people'],
    summary: "Remove a time off: the rep's cadences plan their waiting steps again",
    description: WHO,
    access: ['ops', 'rep'] as const,
    request: { params: AbsenceParams },
    responses: { 204: { description: 'Removed' }, 404: problemResponse('No such user or time off') },
  }),
};

export function absenceRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db, temporal } = deps;
  const now = clockOf(deps);

  app.openapi(routes.create, async (c) => {
    const written = await createAbsence({ db, temporal, nowMs: await now() }, principalOf(c), c.req.valid('param').userId, c.req.valid('json'));
    return c.json({ absence: toAbsence(written.absence), effects: written.effects }, 201);
  });

  app.openapi(routes.list, async (c) => {
    const rows = await listAbsences(db, principalOf(c), c.req.valid('param').userId);
    return c.json({ data: rows.map(toAbsence) }, 200);
  });

  app.openapi(routes.update, async (c) => {
    const { userId, absenceId } = c.req.valid('param');
    const written = await updateAbsence({ db, temporal, nowMs: await now() }, principalOf(c), userId, absenceId, c.req.valid('json'));
    return c.json({ absence: toAbsence(written.absence), effects: written.effects }, 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { userId, absenceId } = c.req.valid('param');
    await deleteAbsence({ db, temporal }, principalOf(c), userId, absenceId);
    return c.body(null, 204);
  });

  return app;
}
