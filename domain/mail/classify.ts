// What an inbound email is: a bounce (hard or soft), an out-of-office (with its return date),
// a reply, or something to ignore (list mail, calendar notices, other automatic messages).
// A bounce is never an out-of-office, and an automatic message is never a reply: a reply stops
// the cadence, so only a person's own words count as one.
import { complainant, isComplaint } from './complaint.js';
import { bounceFacts, isBounce } from './dsn.js';
import { withoutQuotedText } from './quoted.js';
import { findReturnDate } from './return-date.js';
import type { InboundMail, MailClassification } from './types.js';

const OOO_SUBJECT =
  /(automatic reply|auto(matic)?[- ]?reply|autoreply|out of (the )?office|\booo\b|r[ée]ponse automatique|abwesenheitsnotiz|abwesend|risposta automatica|respuesta autom[aá]tica|fuera de la oficina|^\s*(absence|absente?|away|on leave|en cong[ée]s?)\b)/i;
const OOO_TEXT =
  /(out of (the )?office|away from (the )?office|on (annual |parental |sick )?leave|on vacation|on holiday|limited access to (my )?e-?mail|je suis (actuellement )?(absente?|en cong[ée]s?|en d[ée]placement)|de retour le|absente? jusqu|en cong[ée]s? jusqu|nicht im b[üu]ro)/i;
const CALENDAR_SUBJECT =
  /^\s*(invitation|updated invitation|invitation mise à jour|accepted|declined|tentative|tentatively accepted|accepté|refusé|provisoire|canceled event|cancelled event|événement annulé)\s*:/i;

type AutoEvidence = 'replied' | 'generated' | null;

/** RFC 3834 and the headers vendors use instead (Exchange, old autoresponders). */
function automatic(mail: InboundMail): AutoEvidence {
  const h = mail.headers;
  const submitted = h['auto-submitted']?.trim().toLowerCase();
  if (submitted && !submitted.startsWith('no')) return submitted.startsWith('auto-replied') ? 'replied' : 'generated';
  if (h['x-autoreply'] || h['x-autorespond'] || h['x-autoresponder'] || /auto[_-]?reply/i.test(h.precedence ?? '')) return 'replied';
  if (Object.keys(h).some((name) => /^x-.*auto-?reply/i.test(name))) return 'replied';
  if (h['x-auto-response-suppress']) return 'generated';
  return null;
}

function isCalendarNotice(mail: InboundMail): boolean {
  const contentType = mail.headers['content-type'] ?? '';
  return /text\/calendar/i.test(contentType) || /calendarmessage/i.test(mail.headers['content-class'] ?? '') || CALENDAR_SUBJECT.test(mail.subject);
}

function isListMail(mail: InboundMail): boolean {
  return Boolean(mail.headers['list-id']) || /^(bulk|list|junk)$/i.test(mail.headers.precedence?.trim() ?? '');
}

export function classifyInboundMail(mail: InboundMail, o: { now: string; timeZone?: string | undefined }): MailClassification {
  if (isComplaint(mail)) return { kind: 'complaint', recipient: complainant(mail) };
  if (isBounce(mail)) {
    const facts = bounceFacts(mail);
    return facts ? { kind: 'bounce', ...facts } : { kind: 'ignore', reason: 'a delivery report without a failure' };
  }
  const contentType = mail.headers['content-type'] ?? '';
  if (/report-type="?disposition-notification/i.test(contentType)) return { kind: 'ignore', reason: 'a read receipt' };
  if (isCalendarNotice(mail)) return { kind: 'ignore', reason: 'a calendar notice' };
  const auto = automatic(mail);
  const looksAway = OOO_SUBJECT.test(mail.subject) || OOO_TEXT.test(withoutQuotedText(mail.text));
  // Auto-replied is an out-of-office whatever it says; a merely auto-generated message (a
  // ticket receipt, a notification) only when it reads like one.
  if (auto === 'replied' || (auto === null && OOO_SUBJECT.test(mail.subject)) || (auto === 'generated' && looksAway)) {
    return { kind: 'auto_reply', returnAt: findReturnDate(mail, o) };
  }
  if (auto === 'generated') return { kind: 'ignore', reason: 'an automatic message' };
  if (isListMail(mail)) return { kind: 'ignore', reason: 'list or bulk mail' };
  return { kind: 'reply' };
}
