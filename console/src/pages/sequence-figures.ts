// The figures of the sequence analytics as the console names them, in the order of its tables.
// Replies come split the way the inbound classifier and the rep's log split them: a person's reply,
// "not interested", an out-of-office, an unsubscribe (docs/reports.md: no open rates).
import type { paths } from '../api/openapi';

export type SequenceFigure = NonNullable<NonNullable<paths['/v1/reports/sequences/{sequenceId}/rows']['get']['parameters']['query']>['figure']>;

/** What happened to the prospects (every figure but reached and continued, which are the funnel's). */
export const OUTCOMES: Array<{ figure: Exclude<SequenceFigure, 'reached' | 'continued'>; label: string }> = [
  { figure: 'replied', label: 'Replied' },
  { figure: 'notInterested', label: 'Not interested' },
  { figure: 'outOfOffice', label: 'Out of office' },
  { figure: 'unsubscribed', label: 'Unsubscribed' },
  { figure: 'meetings', label: 'Meetings' },
  { figure: 'optedOut', label: 'Opted out' },
  { figure: 'bounced', label: 'Bounced' },
  { figure: 'brokenAnnouncements', label: 'Broken announcements' },
];

export const percent = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
