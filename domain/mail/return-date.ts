// The return date an out-of-office reply announces ("back on March 3", "de retour le 3 mars",
// "absent jusqu'au 12/03", "until Monday 9th"), found with chrono-node in English or French,
// as the start of that day in the prospect's time zone.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { withoutQuotedText } from './quoted.js';

/** A "return date" further away than this is a misreading (a signature, a quoted date). */
export const RETURN_HORIZON_DAYS = 90;

const FRENCH = /\b(je|suis|serai|retour|jusqu|absente?|cong[ée]s?|bureau|cordialement|merci|rentre)\b/i;
/** Words announcing the return: a date right after them is the one wanted. */
const RETURN_CUE = /(back|return(?:ing)?|until|till|through|reachable|retour|jusqu['’]?(?:au|à)|rentre|reprends|reprendrai|disponible)\W*(?:\w+\W+){0,3}$/i;
/** Words announcing the start of the absence: that date is not the return. */
const START_CUE = /\b(from|since|starting|depuis|du|à partir du)\s*(?:the\s+|le\s+)?$/i;
const INCLUSIVE = /^\s*\(?(inclus|incluse|included|inclusive|compris)\b/i;

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|déc';
const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, lundi: 1, tuesday: 2, tue: 2, tues: 2, mardi: 2, wednesday: 3, wed: 3, mercredi: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, jeudi: 4, friday: 5, fri: 5, vendredi: 5, saturday: 6, sat: 6, samedi: 6, sunday: 7, sun: 7, dimanche: 7,
};
// "Monday 9th", "lundi 9": a weekday and a day of the month, no month (chrono reads only "Monday").
const WEEKDAY_DAY = new RegExp(
  `\\b(${Object.keys(WEEKDAYS).join('|')})\\.?,?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|er)?\\b(?!\\s*(?:of\\s+)?(?:${MONTHS})|\\s*(?:h\\b|h\\d|am\\b|pm\\b|[:/.]\\d))`,
  'i',
);

/** The first date on or after `from` that is day `day` of its month and, preferably, that weekday. */
function weekdayDay(from: DateTime, weekday: number, day: number): DateTime | null {
  let fallback: DateTime | null = null;
  for (let k = 0; k < 4; k++) {
    const month = from.startOf('month').plus({ months: k });
    if (day > (month.daysInMonth ?? 0)) continue;
    const d = month.set({ day });
    if (d < from) continue;
    if (d.weekday === weekday) return d;
    fallback ??= d;
  }
  return fallback;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/**
 * Outside the Americas "12/03" is 12 March. chrono's British parser also reads "Feb 18" as
 * February 2018, so the numeric dates are spelled out for its American one instead.
 */
const dayFirst = (text: string) =>
  text.replace(/\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?\b/g, (all, d: string, m: string, y: string | undefined) =>
    Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${Number(d)} ${MONTH_NAMES[Number(m) - 1]}${y ? ` ${y}` : ''}` : all,
  );

function parserFor(french: boolean, today: DateTime): chrono.Chrono {
  const parser = (french ? chrono.fr.casual : chrono.en.casual).clone();
  parser.parsers.unshift({
    pattern: () => WEEKDAY_DAY,
    extract: (context, match) => {
      const d = weekdayDay(today, WEEKDAYS[match[1]!.toLowerCase()]!, Number(match[2]));
      return d ? context.createParsingComponents({ year: d.year, month: d.month, day: d.day }) : null;
    },
  });
  return parser;
}

type Candidate = { day: DateTime; cued: boolean };

function candidateOf(r: chrono.ParsedResult, text: string, zone: string, today: DateTime): Candidate | null {
  const c = r.end ?? r.start;
  if (!c.isCertain('day') && !c.isCertain('weekday')) return null; // a bare time or month
  const before = text.slice(Math.max(0, r.index - 40), r.index);
  if (!r.end && START_CUE.test(before)) return null;
  let day = DateTime.fromObject({ year: c.get('year')!, month: c.get('month')!, day: c.get('day')! }, { zone });
  // "until the 27th" means back the 27th; a range or "inclus" means back the day after.
  if (r.end || INCLUSIVE.test(text.slice(r.index + r.text.length))) day = day.plus({ days: 1 });
  if (day <= today && !c.isCertain('day') && c.isCertain('weekday')) day = day.plus({ weeks: 1 });
  if (day <= today && !c.isCertain('year')) day = day.plus({ years: 1 });
  if (day <= today || day > today.plus({ days: RETURN_HORIZON_DAYS })) return null;
  return { day, cued: RETURN_CUE.test(before) || Boolean(r.end) };
}

function firstReturnDay(original: string, zone: string, now: DateTime): DateTime | null {
  const today = now.startOf('day');
  const french = FRENCH.test(original);
  const text = french || zone.startsWith('America/') ? original : dayFirst(original);
  const results = parserFor(french, today).parse(text, { instant: now.toJSDate(), timezone: now.offset });
  const candidates = results.map((r) => candidateOf(r, text, zone, today)).filter((c): c is Candidate => c !== null);
  return (candidates.find((c) => c.cued) ?? candidates[0])?.day ?? null;
}

/** The subject, when it is the notice itself ("Absent jusqu'au 12/03"), not "Automatic reply: <our subject>". */
function noticeOfSubject(subject: string): string {
  if (/^\s*(automatic reply|auto(matic)?[- ]?reply|réponse automatique|reponse automatique|out of (the )?office|abwesenheitsnotiz)\s*:/i.test(subject)) return '';
  return subject.replace(/\b(re|tr|fw|fwd|aw|sv)\s*:.*$/i, '');
}

/**
 * The start, in `timeZone`, of the first plausible return day after `now` and within
 * RETURN_HORIZON_DAYS, as an ISO instant; null when the message gives none. The reply's own
 * text comes first (quoted text left out: it holds our email's dates), then the subject.
 */
export function findReturnDate(mail: { subject: string; text: string }, o: { now: string; timeZone?: string | undefined }): string | null {
  const zone = o.timeZone ?? 'UTC';
  const now = DateTime.fromISO(o.now, { zone });
  if (!now.isValid) return null;
  const day = firstReturnDay(withoutQuotedText(mail.text).slice(0, 20_000), zone, now) ?? firstReturnDay(noticeOfSubject(mail.subject), zone, now);
  return day ? day.toJSDate().toISOString() : null;
}
