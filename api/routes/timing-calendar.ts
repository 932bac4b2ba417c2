// GET /v1/timing-calendar: the next days as the scheduler sees them for a place (country, region or
// zone): the workspace's send, call, by-pass and direct windows day by day, and the holidays and
// weekends that close days. What ops read before changing the timing rules.
import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { workspaces } from '../../db/schema.js';
import { parseTimingRules, resolvePlace, timingCalendar } from '../../domain/timing/index.js';
import { defineRoute, ALL_ROLES } from '../access.js';
import type { ApiDeps } from '../deps.js';
import { principalOf, type AuthEnv } from '../middleware/auth.js';
import { ProblemError, problemResponse } from '../problem.js';
import { countryInput, jsonResponse, regionInput, z } from '../scope.js';
import { timing } from '../services/timing-field.js';

const Window = z.object({ start: z.string().openapi({ example: '07:30' }), end: z.string().openapi({ example: '19:00' }), label: z.string().nullable() });
const Day = z
  .object({
    date: z.string().openapi({ description: "A date in the place's zone", example: '2026-12-25' }),
    weekday: z.number().int().openapi({ description: 'ISO weekday, 1 (Monday) to 7 (Sunday)' }),
    holiday: z.string().nullable().openapi({ description: "The holiday's name (of the rules' holiday types) in the place, else null" }),
    closedBecause: z.array(z.enum(['weekend', 'holiday', 'workspace'])).openapi({ description: 'Why nothing goes out that day (workspace: one of its closed dates); empty when open' }),
    sendWindow: Window.nullable().openapi({ description: 'When emails and LinkedIn go out; null on a closed day' }),
    callWindow: Window.nullable(),
    bypassWindows: z.array(Window).openapi({ description: 'When decision makers pick up themselves (gatekeeper gone)' }),
    directWindows: z.array(Window),
  })
  .openapi('CalendarDay');
const Calendar = z
  .object({ country: z.string().nullable(), region: z.string().nullable(), timeZone: z.string(), from: z.string(), days: z.array(Day) })
  .openapi('TimingCalendar');

const route = defineRoute({
  method: 'get',
  path: '/v1/timing-calendar',
  access: ALL_ROLES,
  tags: ['settings'],
  summary: "The next days for a place under the workspace's timing rules: windows day by day, holidays and weekends",
  description: 'Give a country (and region), or a time zone, or both: a zone alone takes its country\'s holidays. Windows are in the place\'s local time, as the scheduler uses them (a window in a DST gap shifts or drops).',
  request: {
    query: z.object({
      country: countryInput().optional(),
      region: regionInput().optional(),
      timeZone: z.string().max(64).optional().openapi({ description: 'IANA zone; default: the country\'s (or region\'s) zone', example: 'Europe/Paris' }),
      from: z.iso
        .date()
        .refine((d) => d >= '1970-01-01' && d <= '2200-12-31', 'a date from 1970 to 2200')
        .optional()
        .openapi({ description: "The first day (YYYY-MM-DD, 1970 to 2200); default today in the place's zone" }),
      days: z.coerce.number().int().min(1).max(62).default(30),
    }),
  },
  responses: {
    200: jsonResponse(Calendar, 'The days, from the first'),
    400: problemResponse('Unknown country, region or zone, a country spanning zones without region or zone, or neither given; `errors` names the query parameter'),
    404: problemResponse('No such workspace'),
  },
});

export function timingCalendarRoutes(deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const place = timing('query', () => resolvePlace({ timeZone: q.timeZone ?? null, country: q.country ?? null, region: q.region ?? null }), 400);
    const [ws] = await deps.db.select({ timingRules: workspaces.timingRules }).from(workspaces).where(eq(workspaces.id, principalOf(c).workspaceId));
    if (!ws) throw new ProblemError('not-found', 404, 'no such workspace');
    const now = deps.clock ? await deps.clock() : Date.now();
    const from = q.from ?? DateTime.fromMillis(now, { zone: place.timeZone }).toFormat('yyyy-MM-dd');
    const days = timingCalendar(from, q.days, place, parseTimingRules(ws.timingRules));
    return c.json({ country: place.country ?? null, region: place.region ?? null, timeZone: place.timeZone, from, days }, 200);
  });
  return app;
}
