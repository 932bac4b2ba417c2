// A burst of emails due now on one rep's SMTP mailbox on a test server: the workspace, the
// mailbox, `n` prospects with an active enrollment each, and their staged email touches.
import type { Database } from '../../db/client.js';
import type { MailboxRow } from '../../channels/types.js';
import { enrollments, mailboxes, prospects, touches } from '../../db/schema.js';
import { testSecurity } from './security.js';
import { seedWorkspace } from './fixtures.js';
import { smtpMailboxRow, type TestSmtpServer } from './smtp.js';

export async function dueEmails(db: Database, smtp: TestSmtpServer, n: number, mailbox: Partial<MailboxRow> = {}, extra: Partial<typeof touches.$inferInsert> = {}) {
  const seed = await seedWorkspace(db);
  const ws = seed.workspace.id;
  const { id: _id, ...row } = smtpMailboxRow(smtp, testSecurity.secrets, { workspaceId: ws, userId: seed.rep.id, ...mailbox });
  const [box] = await db.insert(mailboxes).values(row).returning();
  const ps = await db.insert(prospects).values(Array.from({ length: n }, (_, i) => ({ workspaceId: ws, email: `p${i}@globex.test`, firstName: `P${i}`, timeZone: 'UTC' }))).returning();
  const es = await db
    .insert(enrollments)
    .values(ps.map((p) => ({ workspaceId: ws, prospectId: p.id, sequenceId: seed.sequence.id, sequenceVersion: 1, repId: seed.rep.id, workflowId: `wf-${p.id}`, status: 'active' as const })))
    .returning();
  const rows = await db
    .insert(touches)
    .values(es.map((e, i) => ({ workspaceId: ws, enrollmentId: e.id, prospectId: e.prospectId, stepKey: 'email#1', channel: 'email', provider: 'smtp', mailboxId: box!.id, status: 'scheduled' as const, scheduledAt: new Date(Date.now() - 1000), toAddress: ps[i]!.email, subject: `Hello P${i}`, body: 'Ten minutes will do.', messageId: `<${e.id}.email-1.relance@acme.test>`, ...extra })))
    .returning();
  return { seed, ws, mailbox: box!, touches: rows };
}

/** How many times each Message-ID was received. */
export function receivedCounts(smtp: TestSmtpServer, from = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.received.slice(from)) counts.set(m.messageId!, (counts.get(m.messageId!) ?? 0) + 1);
  return counts;
}
