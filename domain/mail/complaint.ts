// Spam complaints: mailbox providers' feedback loops (Yahoo, Microsoft's JMRP, Fastmail...) send
// an Abuse Reporting Format report (RFC 5965: multipart/report; report-type=feedback-report) with
// the complained-about message or its headers, whose Message-ID finds our email.
import type { InboundMail } from './types.js';

export function isComplaint(mail: InboundMail): boolean {
  return mail.feedbackReport !== undefined || /report-type="?feedback-report/i.test(mail.headers['content-type'] ?? '');
}

/** Who complained: the report's Original-Rcpt-To, else the To of the returned message. */
export function complainant(mail: InboundMail): string | null {
  const field = (text: string | undefined, name: string) =>
    text
      ?.replace(/\r\n?/g, '\n')
      .replace(/\n[ \t]+/g, ' ')
      .match(new RegExp(`^${name}\\s*:\\s*(.+)$`, 'im'))?.[1];
  const raw = field(mail.feedbackReport, 'original-rcpt-to') ?? field(mail.returnedHeaders, 'to');
  const address = raw?.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? raw?.match(/[^\s<>:;,]+@[^\s<>;,]+/)?.[0];
  return address ? address.toLowerCase() : null;
}
