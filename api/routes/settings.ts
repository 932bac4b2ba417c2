// What ops configure for the workspace: timing rules, escalation quotas, the bounce and
// complaint limits that pause a mailbox, each rep's call capacity. Stored as overrides (only what ops set); GET also shows the effective values.
import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users, workspaces } from '../../db/schema.js';
import { CallBlockInputSchema } from '../../domain/cadence/call-capacity.js';
import { EscalationPolicyOverrideSchema, EscalationPolicySchema } from '../../domain/cadence/escalation.js';
import { HandoffPolicyOverrideSchema, HandoffPolicySchema } from '../../domain/handoffs/policy.js';
import { parseTimingRules, TimingRulesOverrideSchema } from '../../domain/timing/index.js';
import { deliverabilityPolicy, DeliverabilityPolicyOverrideSchema, DeliverabilityPolicySchema, unreachableLimit } from '../../domain/mail/bounce-rate.js';
import type { ApiDeps } from '../deps.js';
import { ProblemError, problemResponse } from '../problem.js';
import { toWorkspace, Workspace } from '../workspace-view.js';
import { timing } from '../services/timing-field.js';
import { jsonBody, jsonResponse, pathId, z } from '../scope.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { defineRoute, ALL_ROLES } from '../access.js';

const Json = z.record(z.string(), z.unknown());
const WithEffective = Workspace.extend({ effective: Json.openapi({ description: 'The overrides merged with the defaults: what cadences use' }) });

const Capacity = z.strictObject({
  callsPerHour: z.number().int().min(1).max(60),
  callBlocks: z.array(CallBlockInputSchema).max(20).openapi({ description: 'Call blocks in the rep\'s zone; empty means any time in the call window' }),
});

const DeliverabilityView = z
  .object({
    overrides: Json.openapi({ description: 'What ops set' }),
    effective: z.object({ window: z.number().int(), hardBouncesToPause: z.number().int(), complaintsToPause: z.number().int() }).openapi({ description: 'The overrides merged with the defaults (100, 3, 1): what pauses a mailbox' }),
  })
  .openapi('DeliverabilityPolicy');

/** A workspace policy at `path`: anyone reads its overrides and effective values, ops replace the overrides. */
function policyRoutes<V extends z.ZodType = typeof WithEffective, U extends z.ZodType = typeof Workspace>(p: {
  path: string;
  body: z.ZodType<Record<string, unknown>>;
  read: { summary: string; answer: string; view?: V };
  replace: { summary: string; description?: string; updated?: string; view?: U; invalid: string };
}) {
  return {
    get: defineRoute({
      method: 'get',
      path: p.path,
      access: ALL_ROLES,
      tags: ['settings'],
      summary: p.read.summary,
      responses: { 200: jsonResponse((p.read.view ?? WithEffective) as V, p.read.answer) },
    }),
    set: defineRoute({
      method: 'put',
      path: p.path,
      tags: ['settings'],
      summary: p.replace.summary,
      ...(p.replace.description ? { description: p.replace.description } : {}),
      access: ['ops'] as const,
      request: { body: jsonBody(p.body) },
      responses: { 200: jsonResponse((p.replace.view ?? Workspace) as U, p.replace.updated ?? 'Updated'), 404: problemResponse('No such workspace'), 422: problemResponse(p.replace.invalid) },
    }),
  };
}

const timingRoutes = policyRoutes({
  path: '/v1/timing-rules',
  body: TimingRulesOverrideSchema,
  read: { summary: "The workspace's timing rules (overrides) and the effective rules", answer: 'The rules' },
  replace: { summary: "Replace the workspace's timing rules (sequences may override them)", invalid: 'Invalid rules' },
});
const escalationRoutes = policyRoutes({
  path: '/v1/escalation-policy',
  body: EscalationPolicyOverrideSchema,
  read: { summary: 'The escalation quotas (overrides) and the effective quotas', answer: 'The policy' },
  replace: { summary: 'Replace the escalation quotas (per account, per rep, over a window)', invalid: 'Invalid policy' },
});
const deliverabilityRoutes = policyRoutes({
  path: '/v1/deliverability-policy',
  body: DeliverabilityPolicyOverrideSchema,
  read: { summary: 'The hard-bounce and complaint limits that pause a mailbox (overrides) and the effective limits', answer: 'The policy', view: DeliverabilityView },
  replace: {
    summary: 'Replace the limits that pause a mailbox: over its `window` latest sends, `hardBouncesToPause` hard bounces or `complaintsToPause` spam complaints',
    description: 'Applies from the next bounce or complaint counted; a mailbox already paused stays paused until ops resume it.',
    view: DeliverabilityView,
    invalid: 'Invalid policy, or a limit above the window (it could never be reached)',
  },
});
const handoffPolicyRoutes = policyRoutes({
  path: '/v1/handoff-policy',
  body: HandoffPolicyOverrideSchema,
  read: { summary: "When a booked meeting's outcome is asked for, the field rep reminded and their manager told (overrides and effective values)", answer: 'The policy' },
  replace: {
    summary: "Replace the handoff follow-up's delays: meetingMinutes (asked when the meeting should be over), reminderAfterHours, managerAfterHours",
    updated: 'Updated; applies from the next step of each follow-up',
    invalid: 'Invalid policy',
  },
});

const routes = {
  setCapacity: defineRoute({
    method: 'put',
    path: '/v1/users/{userId}/capacity',
    tags: ['settings'],
    summary: "Replace a rep's call capacity: announced calls per hour and dedicated call blocks",
    access: ['ops'] as const,
    request: { params: z.object({ userId: pathId('userId') }), body: jsonBody(Capacity) },
    responses: {
      200: jsonResponse(Capacity.extend({ userId: z.uuid() }), 'Updated; applies to the next calls reserved'),
      404: problemResponse('No such user in this workspace'),
      422: problemResponse('Invalid capacity'),
    },
  }),
};

async function requireWorkspace(db: Database, id: string) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  if (!ws) throw new ProblemError('not-found', 404, 'no such workspace');
  return ws;
}

export function settingsRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;

  /** A policy stored as overrides in `column`; `check` refuses overrides that parse but cannot apply. */
  const servePolicy = (r: ReturnType<typeof policyRoutes>, column: 'timingRules' | 'escalationPolicy' | 'handoffPolicy', effective: (stored: unknown) => object, check?: (overrides: unknown) => void) => {
    app.openapi(r.get, async (c) => {
      const ws = await requireWorkspace(db, principalOf(c).workspaceId);
      return c.json({ ...toWorkspace(ws), effective: effective(ws[column]) as Record<string, unknown> }, 200);
    });
    app.openapi(r.set, async (c) => {
      const { workspaceId } = principalOf(c);
      const overrides = c.req.valid('json');
      await requireWorkspace(db, workspaceId);
      check?.(overrides);
      const [ws] = await db.update(workspaces).set({ [column]: overrides }).where(eq(workspaces.id, workspaceId)).returning();
      return c.json(toWorkspace(ws!), 200);
    });
  };

  servePolicy(timingRoutes, 'timingRules', parseTimingRules, (rules) => timing('body', () => parseTimingRules(rules)));
  servePolicy(escalationRoutes, 'escalationPolicy', (stored) => EscalationPolicySchema.parse(stored ?? {}));

  app.openapi(deliverabilityRoutes.get, async (c) => {
    const ws = await requireWorkspace(db, principalOf(c).workspaceId);
    return c.json({ overrides: ws.deliverabilityPolicy as Record<string, unknown>, effective: deliverabilityPolicy(ws.deliverabilityPolicy) }, 200);
  });

  app.openapi(deliverabilityRoutes.set, async (c) => {
    const { workspaceId } = principalOf(c);
    const overrides = c.req.valid('json');
    await requireWorkspace(db, workspaceId);
    const effective = DeliverabilityPolicySchema.parse(overrides);
    const unreachable = unreachableLimit(effective);
    if (unreachable) {
      const message = `cannot exceed the window (${effective.window} sends)`;
      throw new ProblemError('validation-failed', 422, `body.${unreachable}: ${message}`, { errors: [{ field: `body.${unreachable}`, message }] });
    }
    const [ws] = await db.update(workspaces).set({ deliverabilityPolicy: overrides }).where(eq(workspaces.id, workspaceId)).returning();
    return c.json({ overrides: ws!.deliverabilityPolicy as Record<string, unknown>, effective }, 200);
  });

  servePolicy(handoffPolicyRoutes, 'handoffPolicy', (stored) => HandoffPolicySchema.parse(stored ?? {}));

  app.openapi(routes.setCapacity, async (c) => {
    const { workspaceId } = principalOf(c);
    const { userId } = c.req.valid('param');
    const body = c.req.valid('json');
    const [row] = await db
      .update(users)
      .set({ callsPerHour: body.callsPerHour, callBlocks: body.callBlocks })
      .where(and(eq(users.id, userId), eq(users.workspaceId, workspaceId)))
      .returning();
    if (!row) throw new ProblemError('not-found', 404, 'no such user in this workspace');
    return c.json({ userId: row.id, callsPerHour: row.callsPerHour, callBlocks: row.callBlocks as z.infer<typeof Capacity>['callBlocks'] }, 200);
  });

  return app;
}
