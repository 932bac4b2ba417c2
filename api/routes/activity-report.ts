// The manager's view (PLAYBOOK §5): per rep and for the team, over a period, what was due and
// what was done (on time or late), skipped, overdue; calls made; announced calls kept and broken;
// meetings set, and for field reps received and held; escalations against the quota; the queue's
// health now. Every figure drills down to its rows. JSON or CSV.
import { OpenAPIHono } from '@hono/zod-openapi';
import { csvAnswer, wantsCsv } from '../csv.js';
import { drillDown, drillDownRoute, namingProspects, PROSPECT_COLUMNS, ProspectNamed, reportRoute } from '../report-routes.js';
import { clockOf, type ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { problemResponse } from '../problem.js';
import { z } from '../scope.js';
import { activityReport, escalationQuota } from '../services/reports/activity.js';
import { ACTIVITY_FIGURES, ON_TIME_GRACE_MINUTES } from '../services/reports/activity-figures.js';
import { figureRows } from '../services/reports/activity-rows.js';
import { periodOf } from '../services/reports/period.js';
import { teamOf } from '../services/reports/team.js';

const Who = z.object({
  repId: z.uuid().optional().openapi({ description: 'One person' }),
  managerId: z.uuid().optional().openapi({ description: "A manager's team: the people reporting to them" }),
});
const Count = z.number().int();
// What each count is, as the API documents it.
const FIGURE_DOCS = {
  tasksDue: 'Tasks due in the period (not counting announced calls still upcoming)',
  doneOnTime: `Of those, done at most ${ON_TIME_GRACE_MINUTES} minutes after their due time`,
  doneLate: 'Of those, done later',
  overdue: 'Of those, still open and past due',
  skipped: 'Of those, cancelled (the step skipped or the cadence over)',
  missed: 'Of those, missed (an announced call not logged in its grace window)',
  callsMade: 'Calls, callbacks and escalation calls logged in the period',
  announcedKept: 'Announced calls due in the period and made at the announced time',
  announcedBroken: 'Announced calls due in the period and not made: a broken promise',
  meetingsSet: 'Meetings booked in the period (as the SDR)',
  meetingsReceived: 'Meetings handed to them (as field rep) taking place in the period',
  meetingsHeld: 'Of those, held',
  meetingsNotHeld: 'Of those, a no-show or cancelled by either side',
  escalationsUsed: "Escalations allowed within the quota's window, up to now",
  overdueNow: 'Open tasks past due now, whatever the period',
} as const satisfies Record<(typeof ACTIVITY_FIGURES)[number], string>;
const Figures = z.object({
  ...(Object.fromEntries(Object.entries(FIGURE_DOCS).map(([f, description]) => [f, Count.openapi({ description })])) as Record<keyof typeof FIGURE_DOCS, typeof Count>),
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
    ...ProspectNamed,
    enrollmentId: z.uuid().nullable(),
  })
  .openapi('ActivityFigureRow');

const READERS = "Ops and admin: anyone (everyone by default). A rep: themself and the people reporting to them (a manager's team).";
const outOfReach = { 404: problemResponse('No such person within reach') };

const routes = {
  summary: reportRoute({
    path: '/v1/reports/activity',
    summary: "The manager's view: each rep's actions over a period, and the team's total",
    description: READERS,
    query: Who.shape,
    answer: Activity,
    answered: 'The figures',
    responses: outOfReach,
  }),
  rows: drillDownRoute({
    path: '/v1/reports/activity/rows',
    summary: 'The rows behind one figure of the manager\'s view (tasks, meetings or escalations), in time order',
    query: { ...Who.shape, figure: z.enum(ACTIVITY_FIGURES) },
    row: FigureRow,
    rows: 'rows',
    responses: outOfReach,
  }),
};

export function activityReportRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const clock = clockOf(deps);

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
    const period = { ...periodOf(q, now), now: new Date(now), escalationsSince: (await escalationQuota(db, p.workspaceId, new Date(now))).since };
    const columns = ['source', 'id', 'repId', 'at', 'status', 'kind', 'title', 'prospectId', ...PROSPECT_COLUMNS, 'enrollmentId'];
    const read = namingProspects(db, p.workspaceId, (page: { limit: number; cursor: string | undefined }) => figureRows(db, { workspaceId: p.workspaceId, repIds: team.map((u) => u.id), figure: q.figure, period, ...page }));
    const out = await drillDown(c, q, { name: `activity-${q.figure}`, columns }, read);
    return 'csv' in out ? out.csv : c.json(out.page, 200);
  });

  return app;
}
