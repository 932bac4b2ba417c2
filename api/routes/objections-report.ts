// The objections report (PLAYBOOK §2): the objections heard on calls, most frequent first, by
// sequence, step and rep, their weekly trend, and the calls where each was heard. The team reworks
// them together: every rep may read it. JSON or CSV.
import { OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute } from '../access.js';
import { csvAnswer, FormatQuery, reportResponse, wantsCsv } from '../csv.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { decodeCursor, PageQuery, pageSchema, SerialCursor } from '../pagination.js';
import { problemResponse } from '../problem.js';
import { z } from '../scope.js';
import { objectionCalls, objectionsReport } from '../services/reports/objections.js';
import { checkPeriod, PeriodQuery, periodOf } from '../services/reports/period.js';

const Filters = PeriodQuery.extend({
  sequenceId: z.uuid().optional(),
  stepId: z.string().min(1).max(100).optional().openapi({ description: "A step's id in its sequence (e.g. announced-call)" }),
  repId: z.uuid().optional(),
});
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
    repId: z.uuid(),
    sequenceId: z.uuid().nullable(),
    stepId: z.string(),
  })
  .openapi('ObjectionCall');

const CSV_CAP = 10_000;

const routes = {
  report: defineRoute({
    method: 'get',
    path: '/v1/reports/objections',
    tags: ['reports'],
    summary: 'The objections heard most over a period, by sequence, step and rep, with their weekly trend',
    access: ['ops', 'rep'] as const,
    request: { query: Filters.extend({ top: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'How many tags, 1 to 100' }), format: FormatQuery }).superRefine(checkPeriod) },
    responses: { 200: reportResponse(Report, 'The top objections (CSV: one line per tag)'), 400: problemResponse('Bad query') },
  }),
  calls: defineRoute({
    method: 'get',
    path: '/v1/reports/objections/calls',
    tags: ['reports'],
    summary: 'The calls where an objection tag was heard, in the order they were logged',
    access: ['ops', 'rep'] as const,
    request: { query: PageQuery.extend(Filters.shape).extend({ tag: z.string().min(1).max(500), format: FormatQuery }).superRefine(checkPeriod) },
    responses: { 200: reportResponse(pageSchema(Call), `A page of calls (CSV: all of them, up to ${CSV_CAP})`), 400: problemResponse('Bad query or cursor') },
  }),
};

export function objectionsReportRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const clock = async () => (deps.clock ? deps.clock() : Date.now());

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
    const csv = wantsCsv(c, q.format);
    const after = csv ? null : decodeCursor(q.cursor, SerialCursor);
    const result = await objectionCalls(db, { workspaceId: principalOf(c).workspaceId, ...q, ...periodOf(q, await clock()), limit: csv ? CSV_CAP : q.limit, afterId: after?.id ?? null });
    if (csv) return csvAnswer(c, 'objection-calls', ['id', 'heardAt', 'tag', 'text', 'taskId', 'enrollmentId', 'prospectId', 'repId', 'sequenceId', 'stepId'], result.data);
    return c.json(result, 200);
  });

  return app;
}
