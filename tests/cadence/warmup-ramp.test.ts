// A mailbox warming up, on the time-skipping server with a real SMTP server: three cadences plan
// their 08:00 announcing email on the same Tuesday from a mailbox on its first ramp day (a cap of
// one). One leaves that morning; the two others are staged, visibly, for the next ramp day, and
// leave then, each announcing a call an hour or more after it really left.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mailboxes, touches } from '../../db/schema.js';
import { ANNOUNCE_FRESH_MS } from '../../domain/outbox/restage.js';
import { local, type CadenceHarness, type Seed, withSmtpHarness } from '../support/cadence.js';
import { toEmailPlanned } from '../support/cadence-paths.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { smtpMailboxRow, type TestSmtpServer } from '../support/smtp.js';
import { testSecurity } from '../support/security.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;
let smtp: TestSmtpServer;

withSmtpHarness((started) => ({ h, s, smtp } = started));

const emailsOf = async (mailboxId: string) => h.db.db.select().from(touches).where(eq(touches.mailboxId, mailboxId));

describe('a mailbox warming up on the paced outbox', () => {
  it('sends its first day\'s cap; the other announcing emails wait for the next ramp day and leave then', async () => {
    const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
    const tuesday = monday.plus({ days: 1 });
    const { id: _id, ...row } = smtpMailboxRow(smtp, testSecurity.secrets, {
      workspaceId: s.workspaceId,
      userId: s.repId,
      minGapSeconds: 0,
      dailyCap: 10,
      // The ramp's first day starts Tuesday 07:00 in Paris: a cap of 1 that day, 2 on Wednesday.
      warmupStartCap: 1,
      warmupStep: 1,
      warmupStartedAt: new Date(iso(at(tuesday, '07:00'))),
    });
    const [mailbox] = await h.db.db.insert(mailboxes).values(row).returning();
    await h.advanceTo(iso(monday));
    for (const who of ['ana', 'ben', 'cleo']) await toEmailPlanned(h, s, `${who}@globex.test`);

    // Tuesday noon: one email left at 08:00; two are scheduled on Wednesday, shown on the mailbox.
    await h.advanceTo(iso(at(tuesday, '12:00')));
    await smtp.waitFor(1);
    const firstDay = await waitForEmails(mailbox!.id, (rows) => rows.filter((r) => r.status === 'sent').length === 1 && rows.filter((r) => r.status === 'scheduled').length === 2);
    const wednesday = Date.parse(iso(at(tuesday.plus({ days: 1 }), '07:00')));
    expect(firstDay.filter((r) => r.status === 'scheduled').every((r) => r.scheduledAt!.getTime() >= wednesday)).toBe(true);
    expect(smtp.received).toHaveLength(1);
    const view = await h.api<{ effectiveDailyCap: number; figures: { scheduled: number } }>('GET', `/v1/mailboxes/${mailbox!.id}`);
    expect(view.body).toMatchObject({ figures: { scheduled: 2 } });

    // Wednesday: both leave, each announcing a call at least the freshness lead after it left.
    await h.advanceTo(iso(at(tuesday.plus({ days: 1 }), '12:00')));
    await smtp.waitFor(3);
    const all = await waitForEmails(mailbox!.id, (rows) => rows.every((r) => r.status === 'sent'));
    const secondDay = all.filter((r) => r.sentAt!.getTime() >= wednesday);
    expect(secondDay).toHaveLength(2);
    for (const r of all) expect(r.announcedCallAt!.getTime()).toBeGreaterThanOrEqual(r.sentAt!.getTime() + ANNOUNCE_FRESH_MS);
    expect(local(secondDay[0]!.sentAt!.toISOString(), PARIS).slice(0, 10)).toBe(tuesday.plus({ days: 1 }).toFormat('yyyy-MM-dd'));
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(3);
  }, 180_000);
});

/** Polls the mailbox's emails (in real time) until they match. */
async function waitForEmails(mailboxId: string, pred: (rows: Array<typeof touches.$inferSelect>) => boolean) {
  let last: Array<typeof touches.$inferSelect> = [];
  for (let i = 0; i < 300; i++) {
    last = await emailsOf(mailboxId);
    if (pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the emails did not get there: ${JSON.stringify(last.map((r) => ({ status: r.status, scheduledAt: r.scheduledAt, sentAt: r.sentAt, detail: r.detail })))}`);
}
