// The MIME bytes of an outbound email, built once by nodemailer's composer: the same bytes go
// to SMTP, to the Gmail API (raw) and into the local outbox, so every path carries the same
// Message-ID, threading and RFC 8058 unsubscribe headers. Plain text only: no tracking pixel.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundEmail } from '../types.js';

export function buildMime(email: OutboundEmail): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: email.from.name, address: email.from.address },
    to: { name: email.to.name, address: email.to.address },
    subject: email.subject,
    text: email.text,
    date: email.date,
    // Given, so the composer does not make one up: a retry carries the same id.
    messageId: email.messageId,
    ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
    ...(email.references.length > 0 ? { references: email.references } : {}),
    ...(email.unsubscribeUrl
      ? {
          headers: {
            'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        }
      : {}),
    // CRLF throughout, so the .eml, the Gmail raw and what SMTP carries are the same bytes.
    newline: 'windows',
    // Templates are text, never paths or URLs to fetch.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
