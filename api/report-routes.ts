// The shape every report shares (issue 19), declared once: a GET under /v1/reports that ops and
// reps read, over a checked period, as JSON or CSV; and its drill-down, the rows behind one figure
// a page at a time, or all of them (up to CSV_CAP) as one CSV download.
import type { RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { prospectLabels } from '../application/prospect-labels.js';
import type { DbOrTx } from '../db/client.js';
import { defineRoute } from './access.js';
import { csvAnswer, FormatQuery, reportResponse, wantsCsv, type Cell } from './csv.js';
import { PageQuery, pageSchema } from './pagination.js';
import { problemResponse } from './problem.js';
import { z } from './scope.js';
import { checkPeriod, PeriodQuery } from './services/reports/period.js';

/** The most rows one CSV drill-down carries. */
export const CSV_CAP = 10_000;

type Responses = RouteConfig['responses'];
type Params<P extends z.ZodObject | undefined> = P extends z.ZodObject ? { params: P } : Record<never, never>;
type Common<P extends string, Q extends z.ZodRawShape, A extends z.ZodObject | undefined, X extends Responses> = {
  path: P;
  summary: string;
  description?: string;
  /** Path parameters, if the report is about one thing (a sequence). */
  params?: A;
  /** The report's own query parameters, besides the period and the format. */
  query: Q;
  responses?: X;
};

const reportGet = <const P extends string, Q extends z.ZodObject, A extends z.ZodObject | undefined, R extends Responses>(d: { path: P; summary: string; description?: string; params?: A; responses: R }, query: Q) =>
  defineRoute({
    method: 'get',
    path: d.path,
    tags: ['reports'],
    summary: d.summary,
    ...(d.description ? { description: d.description } : {}),
    access: ['ops', 'rep'] as const,
    request: { ...((d.params ? { params: d.params } : {}) as Params<A>), query },
    responses: d.responses,
  });

// The query's type is generic here: the period check reads only its `from` and `to`.
const periodChecked = (q: unknown, ctx: z.RefinementCtx) => checkPeriod(q as Parameters<typeof checkPeriod>[0], ctx);

/** A report over a period: `answer` as JSON, or its CSV. */
export const reportRoute = <const P extends string, Q extends z.ZodRawShape, S extends z.ZodType, A extends z.ZodObject | undefined = undefined, X extends Responses = Record<never, never>>(
  d: Common<P, Q, A, X> & { answer: S; answered: string },
) =>
  reportGet(
    { ...d, responses: { 200: reportResponse(d.answer, d.answered), 400: problemResponse('Bad query'), ...(d.responses as X) } },
    PeriodQuery.extend(d.query).extend({ format: FormatQuery }).superRefine(periodChecked),
  );

/** The rows behind one figure of a report, in time order: a page of `row`s, or all of them as CSV. */
export const drillDownRoute = <const P extends string, Q extends z.ZodRawShape, S extends z.ZodType, A extends z.ZodObject | undefined = undefined, X extends Responses = Record<never, never>>(
  d: Common<P, Q, A, X> & { row: S; rows: string },
) =>
  reportGet(
    { ...d, responses: { 200: reportResponse(pageSchema(d.row), `A page of ${d.rows} (CSV: all of them, up to ${CSV_CAP})`), 400: problemResponse('Bad query or cursor'), ...(d.responses as X) } },
    PageQuery.extend(PeriodQuery.shape).extend(d.query).extend({ format: FormatQuery }).superRefine(periodChecked),
  );

/** Reads a drill-down: the page asked for, or (CSV) up to CSV_CAP rows from the start, answered as CSV. */
export async function drillDown<T extends Record<string, Cell>, R extends { data: T[] }>(
  c: Context,
  q: { format?: 'json' | 'csv' | undefined; limit: number; cursor?: string | undefined },
  csv: { name: string; columns: string[] },
  read: (page: { limit: number; cursor: string | undefined }) => Promise<R>,
): Promise<{ csv: Response } | { page: R }> {
  if (!wantsCsv(c, q.format)) return { page: await read({ limit: q.limit, cursor: q.cursor }) };
  return { csv: csvAnswer(c, csv.name, csv.columns, (await read({ limit: CSV_CAP, cursor: undefined })).data) };
}

type PageAsked = { limit: number; cursor: string | undefined };

/** The columns naming a drill-down row's prospect, in its schema (spread) and its CSV. */
export const ProspectNamed = {
  prospectName: z.string().nullable().openapi({ description: "The prospect's name (else their email)" }),
  prospectTimeZone: z.string().nullable().openapi({ description: "The zone the cadence uses for them: their local time shows beside them" }),
};
export const PROSPECT_COLUMNS = ['prospectName', 'prospectTimeZone'];

/** A drill-down's reader whose rows also name their prospect and zone (one look-up per page). */
export function namingProspects<T extends { prospectId: string | null }, R extends { data: T[] }>(db: DbOrTx, workspaceId: string, read: (page: PageAsked) => Promise<R>) {
  return async (page: PageAsked) => {
    const r = await read(page);
    const labels = await prospectLabels(db, workspaceId, r.data.map((row) => row.prospectId));
    const named = (row: T) => {
      const label = row.prospectId ? labels.get(row.prospectId) : undefined;
      return { ...row, prospectName: label?.name ?? null, prospectTimeZone: label?.timeZone ?? null };
    };
    return { ...r, data: r.data.map(named) };
  };
}
