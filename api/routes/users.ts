// Users of a workspace (reps, managers, ops, admins): the people cadences run on behalf of.
// Admin writes; ops reads. Mailboxes live elsewhere.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys, users } from '../../db/schema.js';
import { userSessions } from '../../db/auth-schema.js';
import { CallBlockInputSchema, CallBlockSchema } from '../../domain/cadence/call-capacity.js';
import { WorkingHoursSchema } from '../../domain/cadence/working-hours.js';
import { assertTimeZone, resolvePlace } from '../../domain/timing/index.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { PageQuery } from '../pagination.js';
import { ProblemError, problemResponse } from '../problem.js';
import { countryInput, regionInput, z } from '../scope.js';
import { moveWork, requireSuccessor, workOf } from '../services/hand-over.js';
import { assertNoManagerCycle, requireUser } from '../services/people.js';
import { signalRepChanged } from '../services/rep-changed.js';
import { timing } from '../services/timing-field.js';
import { pageInCreationOrder } from '../services/creation-page.js';
import { resourceRoutes } from '../resource-routes.js';

const USER_ROLES = ['rep', 'manager', 'ops', 'admin'] as const;

const UserCreate = z.strictObject({
  email: z.email(),
  name: z.string().min(1).max(200),
  role: z.enum(USER_ROLES).default('rep'),
  timeZone: z.string().optional(),
  country: countryInput().optional().openapi({ description: "Where the person works: their country's public holidays are days away (default: their zone's country)" }),
  region: regionInput().optional(),
  phone: z.string().max(50).optional(),
  managerId: z.uuid().optional(),
  fieldRep: z.boolean().optional().openapi({ description: 'A field rep (account executive) holds the meetings SDRs book: they answer for their outcome' }),
  callsPerHour: z.number().int().min(1).max(60).optional(),
  callBlocks: z.array(CallBlockInputSchema).max(20).optional(),
  workingHours: WorkingHoursSchema.optional().openapi({ description: "When tasks the team sets itself (an escalation's) may fall due for this person, in their time zone; default Monday to Friday 09:00-18:00. Their zone's public holidays are never worked" }),
});
/** null clears an optional field; absent leaves it. */
const UserPatch = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  role: z.enum(USER_ROLES).optional(),
  timeZone: z.string().nullable().optional(),
  country: countryInput().nullable().optional(),
  region: regionInput().nullable().optional(),
  phone: z.string().max(50).nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  fieldRep: z.boolean().optional(),
  callsPerHour: z.number().int().min(1).max(60).optional(),
  callBlocks: z.array(CallBlockInputSchema).max(20).optional(),
  workingHours: WorkingHoursSchema.nullable().optional().openapi({ description: 'null: back to the default (Monday to Friday 09:00-18:00)' }),
  active: z.boolean().optional().openapi({ description: 'false: deactivate the person (no sign-in; their sessions and API keys stop at once, keys revoked for good); true: reactivate (they sign in again with their password)' }),
  handTo: z.uuid().optional().openapi({ description: 'With active: false, who takes over their cadences not over, open tasks and promised calls; required when they have any' }),
});
const HandOverBody = z.strictObject({
  to: z.uuid().openapi({ description: 'The active user who takes over' }),
  reason: z.string().min(1).max(500).optional().openapi({ description: 'Said on each cadence\'s timeline, e.g. "territory change"' }),
});
const HandOverResult = z
  .object({
    cadencesMoved: z.number().int().openapi({ description: 'Cadences not over (pending, running, paused) now on the new rep' }),
    tasksMoved: z.number().int().openapi({ description: 'Open and upcoming tasks moved to the new rep\'s queue' }),
    callSlotsMoved: z.number().int().openapi({ description: 'Announced calls and callbacks still ahead, now on the new rep\'s capacity' }),
    callSlotClashes: z.number().int().openapi({ description: 'Promised calls at a time the new rep already has one: their tasks moved, their slot stays to settle' }),
    cadencesNotified: z.number().int(),
    cadencesNotReached: z.number().int().openapi({ description: 'Cadences Temporal could not reach now: they read their new rep at their next step' }),
  })
  .openapi('HandOver');
const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    timeZone: z.string().nullable(),
    country: z.string().nullable().openapi({ description: "Whose public holidays are the person's days away; null: their zone's country" }),
    region: z.string().nullable(),
    phone: z.string().nullable(),
    callsPerHour: z.number().int(),
    callBlocks: z.array(CallBlockSchema),
    workingHours: WorkingHoursSchema.nullable().openapi({ description: 'null: the default, Monday to Friday 09:00-18:00 in their zone' }),
    managerId: z.uuid().nullable(),
    fieldRep: z.boolean().openapi({ description: 'Holds the meetings SDRs book (handoffs)' }),
    deactivatedAt: z.string().nullable().openapi({ description: 'When an admin deactivated the person; null: active' }),
    createdAt: z.string(),
  })
  .openapi('User');
type UserJson = z.infer<typeof User>;
const toUser = (u: typeof users.$inferSelect): UserJson => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  timeZone: u.timeZone,
  country: u.country,
  region: u.region,
  phone: u.phone,
  callsPerHour: u.callsPerHour,
  callBlocks: u.callBlocks as UserJson['callBlocks'],
  workingHours: (u.workingHours as UserJson['workingHours']) ?? null,
  managerId: u.managerId,
  fieldRep: u.fieldRep,
  deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

/** A country and region as the holiday calendars know them (normalized), or 422 naming the field. */
function workPlace(country: string | null | undefined, region: string | null | undefined): { country?: string | null; region?: string | null } {
  if (!country && region) throw new ProblemError('validation-failed', 422, 'body.region: give the country too', { errors: [{ field: 'body.region', message: 'needs body.country' }] });
  if (!country) return { country: country ?? undefined, region: region ?? undefined };
  const p = timing('body', () => resolvePlace({ timeZone: 'UTC', country, region: region || null }));
  return { country: p.country ?? null, region: p.region ?? null };
}

const emailTaken = () => new ProblemError('conflict', 409, 'a user with this email exists in this workspace', { errors: [{ field: 'body.email', message: 'already used' }] });

const resource = resourceRoutes({ base: '/v1/users', id: 'userId', noun: 'user', plural: 'users', tags: ['people'] });
const routes = {
  create: resource.create({
    summary: 'Add a rep, manager, ops or admin user',
    access: [] as const,
    body: UserCreate,
    returns: User,
    responses: { 404: problemResponse('No such manager'), 409: problemResponse('Email already used') },
  }),
  list: resource.list({
    summary: 'Users, oldest first, optionally of one role',
    access: ['ops'] as const,
    item: User,
    query: PageQuery.extend({ role: z.enum(USER_ROLES).optional().openapi({ param: { name: 'role', in: 'query' } }) }),
  }),
  get: resource.get({ summary: 'One user', access: ['ops'] as const, returns: User }),
  patch: resource.update({
    summary: "Change a user's time zone, call capacity and blocks, manager, phone, name or role; deactivate or reactivate them",
    access: [] as const,
    body: UserPatch,
    returns: User,
    responses: { 404: problemResponse('No such user or manager'), 422: problemResponse('Invalid body, the manager would create a cycle, an admin deactivating or demoting themselves, a person with work deactivated without handTo, or a successor who is not an active user') },
  }),
  handOver: resource.on({
    method: 'post',
    sub: 'hand-over',
    summary: "Hand a person's work to another: their cadences not over, open tasks and promised calls",
    description: 'Later tasks, call slots and emails are the new rep\'s (emails leave from their default mailbox). Each cadence moved gets an enrollment.handed_over event.',
    access: ['ops'] as const,
    body: HandOverBody,
    returns: HandOverResult,
    done: 'Handed over',
    responses: { 422: problemResponse('The successor is unknown, the same person or deactivated') },
  }),
};

/** Deactivating someone who still has work, without saying who takes it: refused, naming handTo. */
async function refuseOrphanedWork(db: ApiDeps['db'], workspaceId: string, userId: string) {
  const left = await workOf(db, workspaceId, userId);
  if (left.cadences === 0 && left.tasks === 0) return;
  const message = `${left.cadences} cadence(s) not over and ${left.tasks} open task(s): say who takes them over`;
  throw new ProblemError('validation-failed', 422, `body.handTo: ${message}`, { errors: [{ field: 'body.handTo', message }] });
}

export function userRoutes({ db, temporal }: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();

  app.openapi(routes.create, async (c) => {
    const { workspaceId } = principalOf(c);
    const body = c.req.valid('json');
    if (body.timeZone) timing('body', () => assertTimeZone(body.timeZone!));
    const place = workPlace(body.country, body.region);
    if (body.managerId) await requireUser(db, workspaceId, body.managerId, 'body.managerId');
    const [row] = await db.insert(users).values({ workspaceId, ...body, ...place }).onConflictDoNothing({ target: [users.workspaceId, users.email] }).returning();
    if (!row) throw emailTaken();
    return c.json(toUser(row), 201);
  });

  app.openapi(routes.list, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    return c.json(await pageInCreationOrder(db, users, workspaceId, q, toUser, q.role ? eq(users.role, q.role) : undefined), 200);
  });

  app.openapi(routes.get, async (c) => {
    const { workspaceId } = principalOf(c);
    return c.json(toUser(await requireUser(db, workspaceId, c.req.valid('param').userId, 'param.userId')), 200);
  });

  app.openapi(routes.patch, async (c) => {
    const { workspaceId } = principalOf(c);
    const { userId } = c.req.valid('param');
    const body = c.req.valid('json');
    const before = await requireUser(db, workspaceId, userId, 'param.userId');
    if (body.timeZone) timing('body', () => assertTimeZone(body.timeZone!));
    const place = body.country !== undefined || body.region !== undefined ? workPlace(body.country === undefined ? before.country : body.country, body.region === undefined ? before.region : body.region) : {};
    if (body.managerId) {
      await requireUser(db, workspaceId, body.managerId, 'body.managerId');
      await assertNoManagerCycle(db, workspaceId, userId, body.managerId);
    }
    if (Object.keys(body).length === 0) return c.json(toUser(await requireUser(db, workspaceId, userId, 'param.userId')), 200);
    // An admin cannot lock themselves out (and so the workspace, when they are its last admin).
    if (userId === principalOf(c).userId && (body.active === false || (body.role && body.role !== 'admin'))) {
      const field = body.active === false ? 'body.active' : 'body.role';
      throw new ProblemError('validation-failed', 422, `${field}: an admin cannot deactivate or demote themselves`, { errors: [{ field, message: 'ask another admin' }] });
    }
    const { active, handTo, ...fields } = body;
    const leaving = active === false && !before.deactivatedAt;
    if (handTo !== undefined && !leaving) throw new ProblemError('validation-failed', 422, 'body.handTo: only when deactivating (otherwise POST /v1/users/{userId}/hand-over)', { errors: [{ field: 'body.handTo', message: 'only with active: false' }] });
    if (handTo) await requireSuccessor(db, workspaceId, userId, handTo, 'body.handTo');
    else if (leaving) await refuseOrphanedWork(db, workspaceId, userId);
    const activity = active === undefined ? {} : { deactivatedAt: active ? null : (before.deactivatedAt ?? new Date()) };
    const { row, handedOver } = await db.transaction(async (tx) => {
      const [updated] = await tx.update(users).set({ ...fields, ...place, ...activity }).where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId))).returning();
      const handedOver = handTo ? await moveWork(tx, { workspaceId, from: userId, to: handTo, reason: 'deactivated', byKeyId: principalOf(c).keyId, now: new Date() }) : null;
      // Deactivated: every door closes now (sessions also stop on their own: they check the person).
      if (active === false) {
        await tx.update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.workspaceId, workspaceId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
        await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)));
      }
      return { row: updated!, handedOver };
    });
    if (handedOver) await signalRepChanged(temporal, handedOver.workflowIds, 'handed over: the rep was deactivated');
    return c.json(toUser(row), 200);
  });

  app.openapi(routes.handOver, async (c) => {
    const { workspaceId, keyId } = principalOf(c);
    const from = c.req.valid('param').userId;
    const body = c.req.valid('json');
    await requireUser(db, workspaceId, from, 'param.userId');
    await requireSuccessor(db, workspaceId, from, body.to, 'body.to');
    const moved = await db.transaction((tx) => moveWork(tx, { workspaceId, from, to: body.to, reason: body.reason ?? 'handed over', byKeyId: keyId, now: new Date() }));
    return c.json({ ...moved.counts, ...(await signalRepChanged(temporal, moved.workflowIds, `handed over: ${body.reason ?? 'a new rep'}`)) }, 200);
  });

  return app;
}
