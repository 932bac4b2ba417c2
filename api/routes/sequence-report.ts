// Sequence analytics that can be trusted (issue 19 §4): per sequence version and per step, the
// prospects reached, the replies by kind, meetings, opt-outs, bounces, broken announcements and the
// conversion from each step to the next. No open rates (docs/reports.md says why). Every figure
// drills down to its enrollments. JSON or CSV.
import { OpenAPIHono } from '@hono/zod-openapi';
import { csvAnswer, wantsCsv } from '../csv.js';
import { drillDown, drillDownRoute, namingProspects, PROSPECT_COLUMNS, ProspectNamed, reportRoute } from '../report-routes.js';
import { clockOf, type ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { problemResponse } from '../problem.js';
import { storableText } from '../validation.js';
import { pathId, z } from '../scope.js';
import { periodOf } from '../services/reports/period.js';
import { SEQUENCE_TOTALS, sequenceFigureRows, sequenceOf, sequenceReport, sequenceTotals } from '../services/reports/sequence.js';
import { SEQUENCE_FIGURES } from '../services/reports/sequence-facts.js';
import { sequenceVariants, VARIANT_FIGURES } from '../services/reports/sequence-variants.js';
import { MIN_SAMPLE } from '../../domain/reports/variant-winner.js';

const Count = z.number().int();
const FIGURE_DOCS = {
  reached: "Prospects whose step's touch happened: its email or action sent, or its task done",
  replied: 'Replies a person wrote (the inbound classifier\'s "reply"; automatic mail never counts)',
  positiveReplies: 'Replies a person wrote from a prospect who then neither opted out nor was logged "not interested" (a "remove me" reply is no positive reply)',
  notInterested: 'A negative answer: "not interested" logged by the rep on this step',
  outOfOffice: 'Out-of-office auto-replies',
  unsubscribed: 'Opt-outs by the unsubscribe link or a spam complaint',
  optedOut: 'Every opt-out, whatever the way (unsubscribe, complaint, the API, a CRM)',
  bounced: 'Hard bounces',
  meetings: 'Meetings booked',
  brokenAnnouncements: 'Announced calls not made in time',
  continued: 'Of those reached, how many reached the next step of the definition',
  clicked: 'Prospects who clicked a link of the step\'s email; counted only while the workspace tracks clicks (off by default)',
} as const satisfies Record<(typeof SEQUENCE_FIGURES)[number], string>;
const StepFigures = z
  .object({
    stepId: z.string(),
    type: z.string().nullable(),
    ...Object.fromEntries(SEQUENCE_FIGURES.map((f) => [f, Count.openapi({ description: FIGURE_DOCS[f] })])),
    nextStepId: z.string().nullable(),
    conversionToNext: z.number().nullable().openapi({ description: 'continued over reached (0 to 1); null for the last step or a step nobody reached' }),
  })
  .openapi('SequenceStepFigures');
/** Which sequence and period a report is about. */
const ReportHeader = z.object({ sequenceId: z.uuid(), key: z.string(), name: z.string(), from: z.string(), to: z.string() });
const Report = ReportHeader
  .extend({
    versions: z.array(z.object({ version: Count, enrollments: Count.openapi({ description: 'Enrollments whose first touch happened in the period' }), steps: z.array(StepFigures) })),
  })
  .openapi('SequenceReport');
const Totals = z
  .object({
    sequenceId: z.uuid(),
    key: z.string(),
    name: z.string(),
    enrollments: Count.openapi({ description: 'Enrollments whose first touch happened in the period' }),
    ...Object.fromEntries(SEQUENCE_TOTALS.map((f) => [f, Count.openapi({ description: `${FIGURE_DOCS[f]}: enrollments, whatever the step` })])),
  })
  .openapi('SequenceTotals');
const FactRow = z
  .object({ figure: z.enum(SEQUENCE_FIGURES), version: Count, stepId: z.string(), enrollmentId: z.uuid(), prospectId: z.uuid(), ...ProspectNamed, repId: z.uuid(), at: z.string().openapi({ description: 'When it happened (for continued: when the next step was reached)' }) })
  .openapi('SequenceFigureRow');
const Rate = z.object({ rate: z.number(), low: z.number(), high: z.number() }).openapi('RateInterval', { description: 'A proportion of the sample with its 95% Wilson interval' });
const VARIANT_DOCS: Record<(typeof VARIANT_FIGURES)[number], string> = {
  ...FIGURE_DOCS,
  reached: "The sample: prospects this variant's email reached",
  clicked: "Prospects who clicked a link of this variant's email; counted only while the workspace tracks clicks",
};
const VariantFigures = z
  .object({
    variant: z.string(),
    ...Object.fromEntries(VARIANT_FIGURES.map((f) => [f, Count.openapi({ description: VARIANT_DOCS[f] })])),
    meetingRate: Rate,
    positiveReplyRate: Rate,
  })
  .openapi('SequenceVariantFigures');
const VariantsReport = ReportHeader
  .extend({
    minSample: Count,
    steps: z.array(
      z.object({
        version: Count,
        stepId: z.string(),
        winner: z.string().nullable().openapi({ description: 'The winning variant, or null' }),
        decidedOn: z.enum(['meetings', 'positive_replies']).nullable(),
        reason: z.enum(['decided', 'below_minimum_sample', 'no_clear_difference', 'single_variant']).openapi({ description: 'Why there is a winner or not yet' }),
        variants: z.array(VariantFigures),
      }),
    ),
  })
  .openapi('SequenceVariantsReport');
const Params = z.object({ sequenceId: pathId('sequenceId') });
const Filters = { version: z.coerce.number().int().min(1).max(2_147_483_647).optional().openapi({ description: 'One version of the sequence' }) };
const noSequence = { 404: problemResponse('No such sequence') };

const routes = {
  list: reportRoute({
    path: '/v1/reports/sequences',
    summary: "Every sequence's totals over a period: enrollments, replies by kind, meetings, opt-outs, bounces, broken announcements",
    description: 'The enrollments whose first touch happened in the period, each outcome once per enrollment. Per version and step: GET /v1/reports/sequences/{sequenceId}.',
    query: {},
    answer: z.object({ from: z.string(), to: z.string(), sequences: z.array(Totals) }).openapi('SequencesReport'),
    answered: 'The totals (CSV: one line per sequence)',
  }),
  report: reportRoute({
    path: '/v1/reports/sequences/{sequenceId}',
    summary: 'Sequence analytics: per version and per step, reached, replies by kind, meetings, opt-outs, bounces, broken announcements, conversion to the next step',
    description:
      'The enrollments whose first touch happened in the period (`from`/`to`, default the last 7 days), followed up to now. An outcome counts on the step it is about: the task it was logged on, the email an inbound mail answered, else the last step reached. No open rates: see docs/reports.md.',
    params: Params,
    query: Filters,
    answer: Report,
    answered: 'The figures (CSV: one line per version and step)',
    responses: noSequence,
  }),
  variants: reportRoute({
    path: '/v1/reports/sequences/{sequenceId}/variants',
    summary: "A/B variants of a sequence's email steps: each variant's sample, replies by kind, positive replies, meetings, opt-outs, clicks, intervals and the winner",
    description:
      "Per version and A/B step, the enrollments (of the sequence analytics' cohort) each variant's email reached, and what those enrollments did in the cadence (a reply, an opt-out or a meeting ends it, so they follow the email). The winner is chosen on meetings, then positive replies, never on raw replies, and only once every variant reached `minSample` prospects with one variant's 95% interval above the others'.",
    params: Params,
    query: { ...Filters, minSample: z.coerce.number().int().min(1).max(1_000_000).default(MIN_SAMPLE).openapi({ description: `Prospects each variant must reach before a winner is named (default ${MIN_SAMPLE})` }) },
    answer: VariantsReport,
    answered: 'The variants (CSV: one line per version, step and variant)',
    responses: noSequence,
  }),
  rows: drillDownRoute({
    path: '/v1/reports/sequences/{sequenceId}/rows',
    summary: 'The enrollments behind one figure of the sequence analytics, in time order',
    params: Params,
    query: {
      ...Filters,
      figure: z.enum(SEQUENCE_FIGURES).default('reached').openapi({ description: 'The figure whose rows to list (default reached)' }),
      stepId: storableText(z.string().min(1).max(100)).optional().openapi({ description: "A step's id (e.g. announced-call)" }),
    },
    row: FactRow,
    rows: 'rows',
    responses: noSequence,
  }),
};

export function sequenceReportRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  const { db } = deps;
  const clock = clockOf(deps);

  app.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const period = periodOf(q, await clock());
    const all = await sequenceTotals(db, principalOf(c).workspaceId, period);
    if (wantsCsv(c, q.format)) return csvAnswer(c, 'sequences', ['sequenceId', 'key', 'name', 'enrollments', ...SEQUENCE_TOTALS], all);
    return c.json({ from: period.from.toISOString(), to: period.to.toISOString(), sequences: all }, 200);
  });

  app.openapi(routes.report, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    const seq = await sequenceOf(db, workspaceId, c.req.valid('param').sequenceId);
    const period = periodOf(q, await clock());
    const versions = await sequenceReport(db, { workspaceId, sequenceId: seq.id, ...period }, q.version);
    if (wantsCsv(c, q.format)) {
      const rows = versions.flatMap((v) => v.steps.map((st) => ({ version: v.version, enrollments: v.enrollments, ...st })));
      return csvAnswer(c, `sequence-${seq.key}`, ['version', 'enrollments', 'stepId', 'type', ...SEQUENCE_FIGURES, 'nextStepId', 'conversionToNext'], rows);
    }
    return c.json({ sequenceId: seq.id, key: seq.key, name: seq.name, from: period.from.toISOString(), to: period.to.toISOString(), versions }, 200);
  });

  app.openapi(routes.variants, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    const seq = await sequenceOf(db, workspaceId, c.req.valid('param').sequenceId);
    const period = periodOf(q, await clock());
    const found = await sequenceVariants(db, { workspaceId, sequenceId: seq.id, ...period }, { version: q.version, minSample: q.minSample });
    const steps = found.map((st) => ({
      version: st.version,
      stepId: st.stepId,
      winner: st.decision.winner,
      decidedOn: st.decision.decidedOn,
      reason: st.decision.reason,
      variants: st.variants.map((v, i) => ({ ...v, meetingRate: st.decision.variants[i]!.meetingRate, positiveReplyRate: st.decision.variants[i]!.positiveReplyRate })),
    }));
    if (wantsCsv(c, q.format)) {
      const rows = steps.flatMap((st) =>
        st.variants.map(({ meetingRate: m, positiveReplyRate: p, ...v }) => ({ version: st.version, stepId: st.stepId, ...v, meetingRate: m.rate, meetingRateLow: m.low, meetingRateHigh: m.high, positiveReplyRate: p.rate, positiveReplyRateLow: p.low, positiveReplyRateHigh: p.high, winner: st.winner, reason: st.reason })),
      );
      const rates = ['meetingRate', 'meetingRateLow', 'meetingRateHigh', 'positiveReplyRate', 'positiveReplyRateLow', 'positiveReplyRateHigh'];
      return csvAnswer(c, `sequence-${seq.key}-variants`, ['version', 'stepId', 'variant', ...VARIANT_FIGURES, ...rates, 'winner', 'reason'], rows);
    }
    return c.json({ sequenceId: seq.id, key: seq.key, name: seq.name, from: period.from.toISOString(), to: period.to.toISOString(), minSample: q.minSample, steps }, 200);
  });

  app.openapi(routes.rows, async (c) => {
    const { workspaceId } = principalOf(c);
    const q = c.req.valid('query');
    const seq = await sequenceOf(db, workspaceId, c.req.valid('param').sequenceId);
    const filters = { workspaceId, sequenceId: seq.id, ...periodOf(q, await clock()), figure: q.figure, version: q.version, stepId: q.stepId };
    const columns = ['figure', 'version', 'stepId', 'enrollmentId', 'prospectId', ...PROSPECT_COLUMNS, 'repId', 'at'];
    const out = await drillDown(c, q, { name: `sequence-${seq.key}-${q.figure}`, columns }, namingProspects(db, workspaceId, (page: { limit: number; cursor: string | undefined }) => sequenceFigureRows(db, { ...filters, ...page })));
    return 'csv' in out ? out.csv : c.json(out.page, 200);
  });

  return app;
}
