// The objections report (PLAYBOOK §2): the objections heard on calls, most frequent first, by
// sequence, step and rep, their weekly trend, and the calls where each was heard. The team reworks
// them together: every rep may read it. JSON or CSV.
import { OpenAPIHono } from '@hono/zod-openapi';
import { csvAnswer, wantsCsv } from '../csv.js';
import { drillDown, drillDownRoute, namingProspects, PROSPECT_COLUMNS, ProspectNamed, reportRoute } from '../report-routes.js';
import { clockOf, type ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { decodeCursor, SerialCursor } from '../pagination.js';
import { z } from '../scope.js';
import { objectionCalls, objectionsReport } from '../services/reports/objections.js';
import { periodOf } from '../services/reports/period.js';

const Filters = {
  sequenceId: z.uuid().optional(),
  stepId: z.string().min(1).max(100).optional().openapi({ description: "A step's id in its sequence (e.g. announced-call)" }),
  repId: z.uuid().optional(),
};
const Count = z.number().int();
const Objection = z
  .object({
    tag: z.string().openapi({ description: 'The text before a colon when the rep tagged it ("price: over budget" → price), else the whole text, lower-cased' }),
    count: Count,
    share: z.number().openapi({ description: 'Of all objections heard in the period (0 to 1)' }),
    examples: z.array(z.string()).openapi({ description: 'Up to three of the texts heard' }),
    lastHeardAt: z.string(),
    bySequence: z.array(z.object({ sequenceId: z.uuid().nullable(), count: Count })),
    byStep: z.array(z.object({ stepId: z.string().nullable(), count: Count })),
    byRep: z.array(z.object({ repId: z.uuid().nullable(), count: Count })),
    weekly: z.array(z.object({ weekStart: z.string().openapi({ description: 'Monday of the week (UTC), YYYY-MM-DD' }), count: Count })),
  })
  .openapi('ObjectionSummary');
const Report = z.object({ from: z.string(), to: z.string(), total: Count, objections: z.array(Objection) }).openapi('ObjectionsReport');
const Call = z
  .object({
    id: z.number().int(),
    heardAt: z.string(),
    tag: z.string(),
    text: z.string(),
    taskId: z.uuid().openapi({ description: 'The call task where it was heard' }),
    enrollmentId: z.uuid().nullable(),
    prospectId: z.uuid().nullable(),
    ...ProspectNamed,
    repId: z.uuid(),
    sequenceId: z.uuid().nullable(),
    stepId: z.string(),
  })
  .openapi('ObjectionCall');

const routes = {
  report: reportRoute({
    path: '/v1/reports/objections',
    summary: 'The objections heard most over a period, by sequence, step and rep, with their weekly trend',
    query: { ...Filters, top: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'How many tags, 1 to 100' }) },
    answer: Report,
    answered: 'The top objections (CSV: one line per tag)',
  }),
  calls: drillDownRoute({
    path: '/v1/reports/objections/calls',
    summary: 'The calls where an objection tag was heard, in the order they were logged',
    query: { ...Filters, tag: z.string().min(1).max(500) },
    row: Call,
    rows: 'calls',
  }),
};

export function objectionsReportRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const clock = clockOf(deps);

  app.openapi(routes.report, async (c) => {
    const q = c.req.valid('query');
    const period = periodOf(q, await clock());
    const report = await objectionsReport(db, { workspaceId: principalOf(c).workspaceId, ...q, ...period }, q.top);
    if (wantsCsv(c, q.format)) {
      const rows = report.objections.map((o) => ({ tag: o.tag, count: o.count, share: o.share, lastHeardAt: o.lastHeardAt, examples: o.examples.join(' | '), weekly: o.weekly.map((w) => `${w.weekStart}:${w.count}`).join(' ') }));
      return csvAnswer(c, 'objections', ['tag', 'count', 'share', 'lastHeardAt', 'examples', 'weekly'], rows);
    }
    return c.json({ from: period.from.toISOString(), to: period.to.toISOString(), ...report }, 200);
  });

  app.openapi(routes.calls, async (c) => {
    const q = c.req.valid('query');
    const filters = { workspaceId: principalOf(c).workspaceId, ...q, ...periodOf(q, await clock()) };
    const columns = ['id', 'heardAt', 'tag', 'text', 'taskId', 'enrollmentId', 'prospectId', ...PROSPECT_COLUMNS, 'repId', 'sequenceId', 'stepId'];
    const read = namingProspects(db, filters.workspaceId, ({ limit, cursor }: { limit: number; cursor: string | undefined }) => objectionCalls(db, { ...filters, limit, afterId: decodeCursor(cursor, SerialCursor)?.id ?? null }));
    const out = await drillDown(c, q, { name: 'objection-calls', columns }, read);
    return 'csv' in out ? out.csv : c.json(out.page, 200);
  });

  return app;
}
