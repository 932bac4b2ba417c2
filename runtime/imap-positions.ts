// How far the IMAP watcher has read each folder of a mailbox (mailbox_imap_folders), and what it
// shows on the mailbox: when it last read every folder to the end, or why it cannot read now.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { mailboxes, mailboxImapFolders } from '../db/schema.js';

export type FolderPosition = { uidValidity: number; lastUid: number; updatedAt: Date };
type MailboxKey = { id: string; workspaceId: string };

export async function readPosition(db: Database, m: MailboxKey, folder: string): Promise<FolderPosition | null> {
  const [row] = await db
    .select({ uidValidity: mailboxImapFolders.uidValidity, lastUid: mailboxImapFolders.lastUid, updatedAt: mailboxImapFolders.updatedAt })
    .from(mailboxImapFolders)
    .where(and(eq(mailboxImapFolders.mailboxId, m.id), eq(mailboxImapFolders.workspaceId, m.workspaceId), eq(mailboxImapFolders.folder, folder)));
  return row ?? null;
}

/** Records the folder read up to `lastUid` (never backwards within the same UIDVALIDITY). */
export async function savePosition(db: Database, m: MailboxKey, folder: string, uidValidity: number, lastUid: number): Promise<void> {
  await db
    .insert(mailboxImapFolders)
    .values({ workspaceId: m.workspaceId, mailboxId: m.id, folder, uidValidity, lastUid })
    .onConflictDoUpdate({
      target: [mailboxImapFolders.mailboxId, mailboxImapFolders.folder],
      set: {
        uidValidity,
        lastUid: sql`case when ${mailboxImapFolders.uidValidity} = ${uidValidity} then greatest(${mailboxImapFolders.lastUid}, ${lastUid}) else ${lastUid} end`,
        updatedAt: sql`now()`,
      },
    });
}

/** Every watched folder was read to the end just now: the mailbox says so, and any earlier failure is cleared. */
export async function markRead(db: Database, m: MailboxKey): Promise<void> {
  await db.update(mailboxes).set({ imapCheckedAt: sql`now()`, imapStatusDetail: null }).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)));
}

/** Why the mailbox cannot be read now (no credentials or message content in it). */
export async function markFailing(db: Database, m: MailboxKey, detail: string): Promise<void> {
  await db.update(mailboxes).set({ imapStatusDetail: detail.slice(0, 500) }).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)));
}
