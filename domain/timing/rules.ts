import { DateTime } from 'luxon';
import { z } from 'zod';
import { overrideSchema } from '../overrides.js';
import { TimingError } from './errors.js';

/**
 * Workspace timing rules (optionally overridden per sequence). Every field has a
 * playbook default so `{}` is a valid input; unknown keys are rejected so a typo
 * ("sendwindow") fails loudly instead of silently using the default.
 * Windows are half-open [start, end) in the prospect's local time, within one day.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const LocalTime = z.string().regex(HHMM, 'expected "HH:mm" (00:00-23:59)');
const IsoWeekday = z.number().int().min(1, 'ISO weekday is 1 (Mon) to 7 (Sun)').max(7, 'ISO weekday is 1 (Mon) to 7 (Sun)');
const Weekdays = z.array(IsoWeekday).refine((days) => new Set(days).size === days.length, 'weekdays must be unique');
const LocalDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid, 'expected a calendar date "YYYY-MM-DD"');

const startBeforeEnd = { message: 'end must be after start (windows cannot span midnight)', path: ['end'] };
// Only compare well-formed times, so a bad "start" is reported once, on "start".
const ordered = (w: { start: string; end: string }) => !HHMM.test(w.start) || !HHMM.test(w.end) || w.start < w.end;

export const TimeWindowSchema = z
  .strictObject({ start: LocalTime, end: LocalTime })
  .refine(ordered, startBeforeEnd);

export const LabeledWindowSchema = z
  .strictObject({ days: Weekdays.min(1).optional(), start: LocalTime, end: LocalTime, label: z.string().min(1) })
  .refine(ordered, startBeforeEnd);

export const HolidayTypeSchema = z.enum(['public', 'bank', 'optional', 'school', 'observance']);

export const TimingRulesSchema = z
  .strictObject({
    /** ISO weekdays with no touches. At most 6: there must be a working day. */
    weekendDays: Weekdays.max(6, 'at least one weekday must be a working day').default(() => [6, 7]),
    /** date-holidays types that close the day. */
    holidayTypes: z.array(HolidayTypeSchema).default(() => ['public' as const]),
    /** Workspace-specific closed days (company events, local bridges...). */
    extraClosedDates: z.array(LocalDate).default(() => []),
    /** Emails and LinkedIn only go out inside it. */
    sendWindow: TimeWindowSchema.default(() => ({ start: '07:30', end: '19:00' })),
    callWindow: TimeWindowSchema.default(() => ({ start: '08:00', end: '19:30' })),
    /** When decision makers pick up themselves (gatekeeper gone). */
    bypassWindows: z.array(LabeledWindowSchema).default(() => [
      { start: '08:00', end: '08:30', label: 'before 08:30' },
      { start: '12:30', end: '13:30', label: 'lunch break' },
      { start: '18:30', end: '19:30', label: 'after 18:30' },
      { days: [3], start: '14:00', end: '18:00', label: 'Wednesday afternoon' },
    ]),
    /** Direct approach windows. */
    directWindows: z.array(LabeledWindowSchema).default(() => [
      { start: '08:00', end: '09:30', label: 'early morning' },
      { start: '14:00', end: '14:30', label: 'early afternoon' },
    ]),
    /**
     * Playbook: the email goes out at this local time announcing a call at `announcedCallTime`.
     * Not cross-checked against the windows (a workspace may not use the announce pattern);
     * scheduleTouch moves a touch into its channel window anyway.
     */
    announceEmailTime: LocalTime.default('08:00'),
    announcedCallTime: LocalTime.default('09:15'),
    minGapMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
    /** Rolling 7 calendar days in the prospect's zone. */
    maxTouchesPerWeek: z.number().int().min(1).max(1000).default(8),
    /**
     * How long an out-of-office reply that gives no return date pauses the cadence. Unset: the
     * workflow's default (5 days), so that today's defaults stay out of stored settings.
     */
    autoReplyPauseDays: z.number().int().min(1).max(90).optional(),
    /**
     * Warm before calling (PLAYBOOK §3): touches a call step needs before it, checked when a
     * sequence is published. Unset: two emails and one LinkedIn message.
     */
    warmBeforeCall: z.strictObject({ emails: z.number().int().min(0).max(10).optional(), linkedin: z.number().int().min(0).max(10).optional() }).optional(),
  });

/** What a workspace or a sequence sets: no defaults filled in (see domain/overrides.ts). */
export const TimingRulesOverrideSchema = overrideSchema(TimingRulesSchema);

export type TimingRules = z.output<typeof TimingRulesSchema>;
export type TimingRulesInput = z.input<typeof TimingRulesSchema>;
export type TimeWindow = z.output<typeof TimeWindowSchema>;
/** A window restricted to some weekdays (all when `days` is absent), e.g. the by-pass windows. */
export type LabeledWindow = z.output<typeof LabeledWindowSchema>;

function toTimingError(error: z.ZodError, source: string): TimingError {
  const described = error.issues.map((issue) => {
    // For unknown keys the offending field is the key itself, not its parent.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => {
      const path = [...issue.path, ...(key === undefined ? [] : [key])].map(String).join('.') || '(root)';
      return { path, message: issue.message };
    });
  }).flat();
  const first = described[0] ?? { path: '(root)', message: 'invalid timing rules' };
  const summary = described.map((d) => `${d.path}: ${d.message}`).join('; ');
  return new TimingError(first.path, `invalid ${source}: ${summary}`, { cause: error });
}

/** Validates and fills defaults; throws TimingError naming the first bad field path. */
export function parseTimingRules(input: unknown, source = 'timing rules'): TimingRules {
  const result = TimingRulesSchema.safeParse(input ?? {});
  if (!result.success) throw toTimingError(result.error, source);
  return result.data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

/** Playbook defaults, frozen because the object is shared. */
export const DEFAULT_TIMING_RULES: TimingRules = deepFreeze(parseTimingRules({}));

/**
 * Workspace rules overridden by a sequence, field by field at the top level: an
 * overridden window/list replaces the workspace one whole (merging a start from one
 * and an end from the other could produce a window nobody asked for).
 */
export function mergeTimingRules(
  workspace: TimingRulesInput | null | undefined,
  sequenceOverride?: TimingRulesInput | null,
): TimingRules {
  // Validate each side alone first so the error says which one is wrong.
  parseTimingRules(workspace, 'workspace timing rules');
  parseTimingRules(sequenceOverride, 'sequence timing override');
  const defined = Object.fromEntries(Object.entries(sequenceOverride ?? {}).filter(([, value]) => value !== undefined));
  return parseTimingRules({ ...(workspace ?? {}), ...defined }, 'merged timing rules');
}
