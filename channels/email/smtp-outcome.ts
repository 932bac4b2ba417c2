// How an SMTP send ended, from nodemailer's error and from how far the message data got. The
// one question that matters for "exactly once": could the server have accepted the message?
// Only if the whole message was handed to the socket and no reply came back; that is
// `uncertain` and is never sent again. Every other failure is certain: the server said no
// (4xx retry, 5xx failed), refused the credentials (disconnected), or never got the data (retry).
import type { SendOutcome } from '../types.js';

/** The fields nodemailer puts on its errors (smtp-connection _formatError). */
type SmtpError = { code?: string; responseCode?: number; response?: string; command?: string; message?: string };

/** Replies that mean the credentials are refused or missing, whatever the stage. */
const AUTH_REFUSED = new Set([530, 534, 535]);

/** TLS refused or impossible (no STARTTLS where required, a bad certificate): the settings need a person. */
const SETTINGS_PROBLEMS = new Set(['ETLS', 'EREQUIRETLS']);

export function smtpOutcome(err: unknown, dataHandedOver: boolean): SendOutcome {
  const e: SmtpError = typeof err === 'object' && err !== null ? (err as SmtpError) : { message: String(err) };
  const reply = describe(e);
  if (e.responseCode && AUTH_REFUSED.has(e.responseCode)) return { status: 'disconnected', detail: `SMTP authentication refused: ${reply}` };
  // 4xx is transient whatever the stage (454 included: a temporary authentication failure).
  if (e.responseCode && e.responseCode >= 400 && e.responseCode < 500) return { status: 'retry', detail: reply };
  if (e.code === 'EAUTH') return { status: 'disconnected', detail: `SMTP authentication refused: ${reply}` };
  if (e.code && SETTINGS_PROBLEMS.has(e.code)) return { status: 'disconnected', detail: `SMTP TLS: ${reply}` };
  // 503 is "bad sequence of commands": the session, not the message (nodemailer's own rule).
  if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600) {
    return e.responseCode === 503 ? { status: 'retry', detail: reply } : { status: 'failed', detail: reply };
  }
  // No reply from the server from here on: what matters is whether it got the whole message.
  if (dataHandedOver) {
    return { status: 'uncertain', detail: `the connection ended after the message was sent, before the server answered (${reply}): not sent again` };
  }
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { status: 'failed', detail: reply };
  return { status: 'retry', detail: `not sent: ${reply}` };
}

/** The server's reply when there is one, else the error; never the message itself. */
function describe(e: SmtpError): string {
  const what = e.response ? e.response : [e.code, e.message].filter(Boolean).join(' ');
  const text = e.command && e.command !== 'CONN' && e.command !== 'API' ? `${e.command}: ${what}` : what;
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || 'unknown SMTP error';
}
