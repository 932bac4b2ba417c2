/** Pure, deterministic timing rules shared by workflows (via a local activity) and the API. */
export { TimingError } from './errors.js';
export type { Place } from './place.js';
export { assertTimeZone, resolvePlace, resolveTimeZone, type PlaceInput } from './time-zone.js';
export { parseInstant, toInstantString, type InstantInput } from './instant.js';
export { addDays, atLocalTime, fromWallClock, isoWeekday, localDateOf, localTimeOf, type WallClock } from './local-time.js';
export {
  DEFAULT_TIMING_RULES,
  HolidayTypeSchema,
  LabeledWindowSchema,
  mergeTimingRules,
  parseTimingRules,
  TimeWindowSchema,
  TimingRulesOverrideSchema,
  TimingRulesSchema,
  type LabeledWindow,
  type TimeWindow,
  type TimingRules,
  type TimingRulesInput,
} from './rules.js';
export { holidayNameOn, isClosedDate, isPublicHoliday } from './holidays.js';
export { fitRequestedTime, type FittedTime, type MoveReason, type MoveRule } from './requested-time.js';
export { addBusinessDays, businessDayOnOrAfter, isBusinessDay, nextBusinessDay } from './business-days.js';
export { isInsideWindows, type DailyWindow } from './windows.js';
export {
  nextBusinessDayAt,
  nextBypassWindow,
  nextDirectWindow,
  nextWindowStart,
  sameOrNextBusinessDayAt,
  scheduleTouch,
  type TouchChannel,
} from './schedule.js';
export { timingCalendar, type CalendarDay, type CalendarWindow, type ClosedReason } from './calendar.js';
