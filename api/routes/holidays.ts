// GET /v1/holidays: the public holidays a cadence skips for a country (and region) and year.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HolidayTypeSchema } from '../../domain/timing/index.js';
import type { ApiDeps } from '../deps.js';
import { problemResponse } from '../problem.js';
import { countryInput, jsonResponse, regionInput, z } from '../scope.js';
import type { AuthEnv } from '../middleware/auth.js';
import { holidaysOf } from '../services/holidays.js';
import { defineRoute, ALL_ROLES } from '../access.js';

const HolidayList = z
  .object({
    country: z.string(),
    region: z.string().nullable(),
    year: z.number().int(),
    holidays: z.array(z.object({ date: z.string(), name: z.string(), type: z.string(), substitute: z.boolean() })),
  })
  .openapi('HolidayList');

const route = defineRoute({
  method: 'get',
  path: '/v1/holidays',
  access: ALL_ROLES,
  tags: ['settings'],
  summary: 'Holidays of a country (and region) for a year, as the scheduler sees them',
  request: {
    query: z.object({
      country: countryInput().min(2).max(2),
      region: regionInput().min(1).max(6).optional(),
      year: z.coerce.number().int().min(1970).max(2200).default(() => new Date().getUTCFullYear()),
      types: z
        .string()
        .optional()
        .transform((s, ctx) => {
          const list = (s ?? 'public').split(',').map((t) => t.trim());
          const bad = list.find((t) => !HolidayTypeSchema.safeParse(t).success);
          if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `unknown holiday type "${bad}"` });
          return list as z.infer<typeof HolidayTypeSchema>[];
        })
        .openapi({ type: 'string', example: 'public,bank', description: 'Comma-separated holiday types; default public' }),
    }),
  },
  responses: { 200: jsonResponse(HolidayList, 'The holidays, by date'), 400: problemResponse('Unknown country, region or type; `errors` names the query parameter') },
});

export function holidayRoutes(_deps: ApiDeps) {
  const app = new OpenAPIHono<AuthEnv>();
  app.openapi(route, (c) => c.json(holidaysOf(c.req.valid('query')), 200));
  return app;
}
