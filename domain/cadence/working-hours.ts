// When a task may fall due for the person who does it (a rep, a manager): their working hours, in
// their own zone, on their working days, not on the public holidays of their zone's country nor
// the workspace's closed dates. Tasks the team sets itself (an escalation's) use it; touches on a
// prospect follow the prospect's windows and the rep's call capacity instead.
import { z } from 'zod';
import { nextWindowStart, resolvePlace, type TimingRules } from '../timing/index.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:mm"');
const Weekday = z.number().int().min(1, 'ISO weekday is 1 (Mon) to 7 (Sun)').max(7, 'ISO weekday is 1 (Mon) to 7 (Sun)');

export const WorkingHoursSchema = z
  .strictObject({
    /** ISO weekdays worked (1 = Monday); Monday to Friday when absent. */
    days: z.array(Weekday).min(1).max(7).refine((d) => new Set(d).size === d.length, 'weekdays must be unique').optional(),
    start: HHMM,
    end: HHMM,
  })
  .refine((w) => w.start < w.end, { message: 'end must be after start (working hours cannot span midnight)', path: ['end'] });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' });

/** The first instant >= `after` inside the person's working hours. */
export function nextWorkingMoment(after: string, who: { timeZone: string; workingHours?: WorkingHours | null }, workspaceRules: TimingRules): string {
  const hours = who.workingHours ?? DEFAULT_WORKING_HOURS;
  const days = hours.days ?? DEFAULT_WORKING_HOURS.days!;
  const rules: TimingRules = { ...workspaceRules, weekendDays: [1, 2, 3, 4, 5, 6, 7].filter((d) => !days.includes(d)) };
  return nextWindowStart({ after, windows: [{ start: hours.start, end: hours.end }], place: resolvePlace({ timeZone: who.timeZone }), rules });
}
