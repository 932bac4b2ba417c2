// The period a report covers: [from, to), instants with an offset; by default the last 7 days.
import { z } from '@hono/zod-openapi';

const MAX_DAYS = 366;
const DAY = 86_400_000;

export const PeriodQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Start of the period (inclusive); default: 7 days before `to`' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'End of the period (exclusive); default: now' }),
});

export const checkPeriod = (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > MAX_DAYS * DAY) ctx.addIssue({ code: 'custom', path: ['from'], message: `a period is at most ${MAX_DAYS} days` });
};

export function periodOf(q: { from?: string | undefined; to?: string | undefined }, now: number): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date(now);
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * DAY);
  return { from, to };
}
