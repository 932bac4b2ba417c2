// What the IMAP watcher tests share: fast watcher timings, waiting for a condition, and a reply
// to one of our emails as a mail client writes it.
import type { ImapWatchersConfig } from '../../runtime/imap-watchers.js';

export const FAST_WATCHERS: ImapWatchersConfig = { tickMs: 100, leaseMs: 1500, pollMs: 300, backoff: { minMs: 100, maxMs: 500 } };

let n = 0;
/** A plain-text reply from `from` to the email whose Message-ID is `inReplyTo`. */
export const replyMail = (from: string, inReplyTo: string, messageId = `<r${++n}.${Date.now()}@globex.test>`) =>
  [`From: ${from}`, 'To: Sam Rep <sam@acme.test>', 'Subject: Re: A quick call on Tuesday?', `Message-ID: ${messageId}`, `In-Reply-To: ${inReplyTo}`, `Date: ${new Date().toUTCString()}`, 'Content-Type: text/plain; charset=utf-8', '', 'Happy to talk, call me at 10.', ''].join('\r\n');


/** Runs `body` while the watchers `start()` gives are running, and stops them whatever happens. */
export async function whileWatching<T>(start: () => { stop(): Promise<void> }, body: () => Promise<T>): Promise<T> {
  const watchers = start();
  try {
    return await body();
  } finally {
    await watchers.stop();
  }
}
