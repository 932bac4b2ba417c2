// Google or Microsoft refused a mailbox's grant (revoked, expired, client misconfigured) while
// syncing holds or polling replies: the mailbox is disconnected exactly as when a send is refused (its
// emails held, the rep told with one "reconnect" task), so its holds and polling wait too.
import { disconnectMailbox } from './record.js';
import type { Database } from '../db/client.js';
import type { MailboxRow } from '../channels/types.js';

export function disconnectMailboxNow(db: Database, mailbox: MailboxRow, detail: string): Promise<boolean> {
  return db.transaction((tx) => disconnectMailbox(tx, mailbox, detail, new Date()));
}
