// The manager's view (PLAYBOOK §5): per rep and for the team, over a period, what was due and
// what was done (on time or late), skipped, overdue; calls made; announced calls kept and broken;
// meetings set, and for field reps received and held; escalations against the quota; the queue's
// health now. Every figure drills down to its rows. JSON or CSV.
import { OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute } from '../access.js';
import { csvAnswer, FormatQuery, reportResponse, wantsCsv } from '../csv.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { PageQuery, pageSchema } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { z } from '../scope.js';
import { activityReport, escalationQuota } from '../services/reports/activity.js';
import { ACTIVITY_FIGURES, ON_TIME_GRACE_MINUTES } from '../services/reports/activity-figures.js';
import { figureRows } from '../services/reports/activity-rows.js';
import { checkPeriod, PeriodQuery, periodOf } from '../services/reports/period.js';
import { teamOf } from '../services/reports/team.js';

const Who = z.object({
  repId: z.uuid().optional().openapi({ description: 'One person' }),
  managerId: z.uuid().optional().openapi({ description: "A manager's team: the people reporting to them" }),
});
const Count = z.number().int();
const Figures = z.object({
  tasksDue: Count.openapi({ description: 'Tasks due in the period (not counting announced calls still upcoming)' }),
  doneOnTime: Count.openapi({ description: `Of those, done at most ${ON_TIME_GRACE_MINUTES} minutes after their due time` }),
  doneLate: Count.openapi({ description: 'Of those, done later' }),
  overdue: Count.openapi({ description: 'Of those, still open and past due' }),
  skipped: Count.openapi({ description: 'Of those, cancelled (the step skipped or the cadence over)' }),
  missed: Count.openapi({ description: 'Of those, missed (an announced call not logged in its grace window)' }),
  callsMade: Count.openapi({ description: 'Calls, callbacks and escalation calls logged in the period' }),
  announcedKept: Count.openapi({ description: 'Announced calls due in the period and made at the announced time' }),
  announcedBroken: Count.openapi({ description: 'Announced calls due in the period and not made: a broken promise' }),
  meetingsSet: Count.openapi({ description: 'Meetings booked in the period (as the SDR)' }),
  meetingsReceived: Count.openapi({ description: 'Meetings handed to them (as field rep) taking place in the period' }),
  meetingsHeld: Count.openapi({ description: 'Of those, held' }),
  meetingsNotHeld: Count.openapi({ description: 'Of those, a no-show or cancelled by either side' }),
  escalationsUsed: Count.openapi({ description: "Escalations allowed within the quota's window, up to now" }),
  overdueNow: Count.openapi({ description: 'Open tasks past due now, whatever the period' }),
  heldRate: z.number().nullable().openapi({ description: 'Held over held and not held (0 to 1); null before any outcome' }),
});
const RepFigures = Figures.extend({
  id: z.uuid(),
  name: z.string(),
  role: z.string(),
  fieldRep: z.boolean(),
  managerId: z.uuid().nullable(),
  escalationQuota: Count.openapi({ description: 'Escalations a rep may use within the window (the escalation policy)' }),
  oldestOverdueAt: z.string().nullable().openapi({ description: 'Due time of the oldest open task past due now' }),
});
const Activity = z.object({ from: z.string(), to: z.string(), now: z.string(), reps: z.array(RepFigures), team: Figures }).openapi('ActivityReport');
const FigureRow = z
  .object({
    source: z.enum(['task', 'handoff', 'escalation']),
    id: z.uuid(),
    repId: z.uuid(),
    at: z.string().openapi({ description: 'The time the figure is read at: due, completed, booked, meeting or decision time' }),
    status: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    prospectId: z.uuid().nullable(),
    enrollmentId: z.uuid().nullable(),
  })
  .openapi('ActivityFigureRow');

const CSV_CAP = 10_000;

const routes = {
  summary: defineRoute({
    method: 'get',
    path: '/v1/reports/activity',
    tags: ['reports'],
    summary: "The manager's view: each rep's actions over a period, and the team's total",
    description: "Ops and admin: anyone (everyone by default). A rep: themself and the people reporting to them (a manager's team).",
    access: ['ops', 'rep'] as const,
    request: { query: PeriodQuery.extend(Who.shape).extend({ format: FormatQuery }).superRefine(checkPeriod) },
    responses: { 200: reportResponse(Activity, 'The figures'), 400: problemResponse('Bad query'), 404: problemResponse('No such person within reach') },
  }),
  rows: defineRoute({
    method: 'get',
    path: '/v1/reports/activity/rows',
    tags: ['reports'],
    summary: 'The rows behind one figure of the manager\'s view (tasks, meetings or escalations), in time order',
    access: ['ops', 'rep'] as const,
    request: { query: PageQuery.extend(PeriodQuery.shape).extend(Who.shape).extend({ figure: z.enum(ACTIVITY_FIGURES), format: FormatQuery }).superRefine(checkPeriod) },
    responses: { 200: reportResponse(pageSchema(FigureRow), `A page of rows (CSV: all of them, up to ${CSV_CAP})`), 400: problemResponse('Bad query or cursor'), 404: problemResponse('No such person within reach') },
  }),
};

export function activityReportRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const clock = async () => (deps.clock ? deps.clock() : Date.now());

  app.openapi(routes.summary, async (c) => {
    const p = principalOf(c);
    const q = c.req.valid('query');
    const now = await clock();
    const { from, to } = periodOf(q, now);
    const team = await teamOf(db, p, q);
    const report = await activityReport(db, p.workspaceId, team, { from, to, now: new Date(now) });
    if (wantsCsv(c, q.format)) {
      const columns = ['id', 'name', 'role', 'fieldRep', 'managerId', ...ACTIVITY_FIGURES, 'heldRate', 'escalationQuota', 'oldestOverdueAt'];
      return csvAnswer(c, 'activity', columns, [...report.reps, { id: 'team', name: 'Team', ...report.team }]);
    }
    return c.json({ from: from.toISOString(), to: to.toISOString(), now: new Date(now).toISOString(), ...report }, 200);
  });

  app.openapi(routes.rows, async (c) => {
    const p = principalOf(c);
    const q = c.req.valid('query');
    const now = await clock();
    const team = await teamOf(db, p, q);
    const csv = wantsCsv(c, q.format);
    const result = await figureRows(db, {
      workspaceId: p.workspaceId,
      repIds: team.map((u) => u.id),
      figure: q.figure,
      period: { ...periodOf(q, now), now: new Date(now), escalationsSince: (await escalationQuota(db, p.workspaceId, new Date(now))).since },
      limit: csv ? CSV_CAP : q.limit,
      cursor: csv ? undefined : q.cursor,
    });
    if (csv) return csvAnswer(c, `activity-${q.figure}`, ['source', 'id', 'repId', 'at', 'status', 'kind', 'title', 'prospectId', 'enrollmentId'], result.data);
    return c.json(result, 200);
  });

  return app;
}
