// One SMTP mailbox's replies, read over IMAP: a connection that reads every watched folder from
// where it stopped (the last UID seen, kept per folder), then waits in IDLE on INBOX for new mail,
// reading everything again at least every `pollMs` (the other folders, and servers without IDLE).
// Each new message is parsed and handed to applyInboundMail, which classifies it (reply,
// out-of-office, bounce, unsubscribe) and applies it once per Message-ID, whichever way it came.
// A dropped connection is reopened with exponential backoff; a new UIDVALIDITY (the folder was
// rebuilt) reads the folder again from recent mail, and the receipts keep anything from applying twice.
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { and, eq } from 'drizzle-orm';
import type { ImapFlow, MailboxObject } from 'imapflow';
import { applyInboundMail } from '../api/services/inbound-mail.js';
import { errorCode, openImapConnection, watchedFolders, type ImapClientOptions } from '../channels/email/imap-client.js';
import type { MailboxRow } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { mailboxes } from '../db/schema.js';
import { findUnstorable } from '../db/storable.js';
import { classifyInboundMail } from '../domain/mail/classify.js';
import { MailParseError, MAX_RAW_MAIL_BYTES, parseRawMail } from '../domain/mail/from-mime.js';
import { log } from '../logging/log.js';
import { disconnectMailboxNow } from '../outbox/disconnect-now.js';
import type { SecretBox } from '../security/secrets.js';
import type { AllowList } from '../security/ssrf.js';
import { markFailing, markRead, readPosition, savePosition } from './imap-positions.js';

export type ImapWatchOptions = {
  /** Every watched folder is read again at least this often, IDLE or not (default 30 s). */
  pollMs?: number;
  /** A folder read for the first time: its mail of the last days (default 14). */
  lookbackDays?: number;
  /** Reconnection delays: the first, doubling up to the last (default 1 s to 5 min). */
  backoff?: { minMs: number; maxMs: number };
  /** Connection options beside the allow-list (a test's DNS lookup, timeouts). */
  client?: Omit<ImapClientOptions, 'allowList'>;
};
export type ImapWatcherDeps = { db: Database; temporal: Client; secrets: SecretBox; allowList: AllowList } & ImapWatchOptions;
export type ImapWatcher = { stop: () => Promise<void> };

const DAY_MS = 86_400_000;
const FETCH_BATCH = 20;
const MARK_EVERY_MS = 60_000;

type Ctx = ImapWatcherDeps & { mailbox: MailboxRow; client: ImapFlow };

export function startImapWatcher(deps: ImapWatcherDeps, key: { id: string; workspaceId: string }): ImapWatcher {
  const pollMs = deps.pollMs ?? 30_000;
  const backoff = deps.backoff ?? { minMs: 1000, maxMs: 5 * 60_000 };
  let stopped = false;
  let client: ImapFlow | null = null;
  let wake: (() => void) | null = null;
  /** Resolves after `ms`, when new mail arrives (IDLE), when the connection closes, or on stop. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  let failures = 0;
  const delay = () => {
    const base = Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.max(0, failures - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  };

  /** One connection, from opening to closing; 'gone' when the mailbox was deleted. */
  const cycle = async (): Promise<'gone' | 'again'> => {
    const [mailbox] = await deps.db.select().from(mailboxes).where(and(eq(mailboxes.id, key.id), eq(mailboxes.workspaceId, key.workspaceId)));
    if (!mailbox) return 'gone'; // the supervisor lets go of it
    const opened = await openImapConnection(mailbox, deps.secrets, { ...deps.client, allowList: deps.allowList }, (c) => (client = c));
    if ('kind' in opened) {
      client = null;
      if (stopped) return 'again';
      failures++;
      await markFailing(deps.db, mailbox, opened.detail);
      // A refused OAuth2 grant: the mailbox is disconnected with the reason, its emails held, its rep told (as for Gmail).
      if (opened.kind === 'revoked') await disconnectMailboxNow(deps.db, mailbox, opened.detail);
      log.warn({ mailboxId: mailbox.id, detail: opened.detail }, 'imap: cannot read the mailbox; retrying');
      return 'again';
    }
    client = opened.client;
    let newMail = false;
    client.on('exists', () => {
      newMail = true;
      wake?.();
    });
    client.on('close', () => wake?.());
    try {
      const folders = await watchedFolders(client, opened.settings);
      // INBOX last: it stays selected, and IDLE watches it between two reads.
      const ordered = [...folders.filter((f) => f !== 'INBOX'), ...folders.filter((f) => f === 'INBOX')];
      const ctx: Ctx = { ...deps, mailbox, client };
      let marked = 0;
      while (!stopped && client.usable) {
        newMail = false;
        for (const folder of ordered) await readFolder(ctx, folder);
        // Shown on the mailbox: at once after a failure, else at most once a minute (one write, not one per poll).
        if (failures > 0 || Date.now() - marked > MARK_EVERY_MS) {
          await markRead(deps.db, mailbox);
          marked = Date.now();
        }
        failures = 0;
        if (!newMail && !stopped && client.usable) await pause(pollMs);
      }
      // The server closed the connection: reconnect soon, not at once (it may be restarting).
      if (!stopped) failures++;
    } catch (err) {
      failures++;
      if (!stopped) {
        await markFailing(deps.db, mailbox, `reading the mailbox failed (${errorCode(err)}); retrying`).catch(() => {});
        log.warn({ mailboxId: mailbox.id, err: errorCode(err) }, 'imap: reading the mailbox failed; reconnecting');
      }
    } finally {
      client.removeAllListeners('exists');
      client.close();
      client = null;
    }
    return 'again';
  };

  const run = async () => {
    while (!stopped) {
      try {
        if ((await cycle()) === 'gone') return;
      } catch (err) {
        // The database did not answer (the IMAP side's failures are handled in the cycle): try again later.
        failures++;
        log.warn({ mailboxId: key.id, err: errorCode(err) }, 'imap: the watcher could not reach the database; retrying');
      }
      await pause(delay());
    }
  };

  const running = run().catch((err: unknown) => log.error({ err, mailboxId: key.id }, 'imap: the watcher stopped on an error'));
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      client?.close();
      await running;
    },
  };
}

/** Reads the folder's messages after the last UID seen (or, first time or after a UIDVALIDITY change, its recent mail). */
async function readFolder(ctx: Ctx, folder: string): Promise<void> {
  const { db, mailbox, client } = ctx;
  const lock = await client.getMailboxLock(folder, { readOnly: true });
  try {
    const box = client.mailbox as MailboxObject;
    // A server that omits UIDVALIDITY or UIDNEXT on SELECT: every read searches, nothing is skipped.
    const validity = Number(box.uidValidity ?? 0) || 0;
    const uidNext = Number.isFinite(box.uidNext) ? box.uidNext : 0;
    const pos = await readPosition(db, mailbox, folder);
    let uids: number[];
    if (pos && pos.uidValidity === validity) {
      if (uidNext > 0 && uidNext <= pos.lastUid + 1) return;
      uids = ((await client.search({ uid: `${pos.lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > pos.lastUid);
    } else {
      // Rebuilt folder: from a day before it was last read; a new folder: its recent mail.
      const since = pos ? new Date(pos.updatedAt.getTime() - DAY_MS) : new Date(Date.now() - (ctx.lookbackDays ?? 14) * DAY_MS);
      uids = (await client.search({ since }, { uid: true })) || [];
      if (pos) log.info({ mailboxId: mailbox.id, folder, messages: uids.length }, 'imap: the folder has a new UIDVALIDITY; reading its recent mail again');
    }
    uids.sort((a, b) => a - b);
    for (let i = 0; i < uids.length; i += FETCH_BATCH) {
      const batch = uids.slice(i, i + FETCH_BATCH);
      const messages = await client.fetchAll(batch.join(','), { uid: true, internalDate: true, source: { start: 0, maxLength: MAX_RAW_MAIL_BYTES } }, { uid: true });
      messages.sort((a, b) => a.uid - b.uid);
      for (const msg of messages) {
        if (msg.source) await applyMessage(ctx, msg.source, msg.internalDate);
        await savePosition(db, mailbox, folder, validity, msg.uid);
      }
    }
    // Nothing missed between the SELECT and now: what came later has a UID of uidNext or more.
    await savePosition(db, mailbox, folder, validity, Math.max(uidNext - 1, uids.at(-1) ?? 0, pos?.uidValidity === validity ? pos.lastUid : 0));
  } finally {
    lock.release();
  }
}

async function applyMessage(ctx: Ctx, source: Buffer, internalDate: Date | string | undefined): Promise<void> {
  const { mailbox } = ctx;
  const received = internalDate ? new Date(internalDate) : new Date();
  let mail;
  try {
    mail = await parseRawMail(source, Number.isNaN(received.getTime()) ? new Date().toISOString() : received.toISOString());
  } catch (err) {
    if (err instanceof MailParseError) return; // unreadable: nothing a cadence can act on
    throw err;
  }
  if (findUnstorable(mail).length > 0) return;
  if (mail.from.toLowerCase() === mailbox.address.toLowerCase()) return; // our own copy
  // List mail, receipts, calendar notices: nothing to apply, so no receipt is kept for them either.
  if (classifyInboundMail(mail, { now: mail.receivedAt }).kind === 'ignore') return;
  // Without a Message-ID, the content itself: the same message read again after a UIDVALIDITY change matches.
  const dedupeKey = mail.messageId ?? `imap:${mailbox.id}:${createHash('sha256').update(source).digest('hex')}`;
  await applyInboundMail(ctx, { workspaceId: mailbox.workspaceId, mail, source: 'imap', dedupeKey, mailboxId: mailbox.id });
}
