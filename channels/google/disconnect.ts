// Google refused a mailbox's grant (revoked, expired, client misconfigured) while syncing holds
// or polling replies: the mailbox is disconnected exactly as when a send is refused (its
// emails held, the rep told with one "reconnect" task), so its holds and polling wait too.
import { disconnectMailbox } from '../../activities/outbox-record.js';
import type { Database } from '../../db/client.js';
import type { MailboxRow } from '../types.js';

export function disconnectGoogleMailbox(db: Database, mailbox: MailboxRow, detail: string): Promise<boolean> {
  return db.transaction((tx) => disconnectMailbox(tx as unknown as Database, mailbox, detail, new Date()));
}
