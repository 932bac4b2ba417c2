// The warm-up ramp of a new mailbox, on the real outbox: staging paces each email under the day's
// ramp cap, the dispatcher sends through a real SMTP server only what the day allows, the rest
// waits (scheduled, shown on the mailbox) and leaves the next day under its larger cap. A day
// passes by moving the mailbox's clock-bearing data (ramp start, sends, bookings) back 24 hours.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelRegistry } from '../../channels/registry.js';
import { enrollments, mailboxes, prospects, sequences, touches } from '../../db/schema.js';
import type { Step } from '../../domain/sequences/index.js';
import { stageEmailTouch } from '../../outbox/staging.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { withTestApi, type ApiWorld, type Problem } from '../support/api.js';
import { LOOPBACK_ALLOWED, testSecurity } from '../support/security.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

type View = { id: string; dailyCap: number; effectiveDailyCap: number; warmup: { startCap: number; step: number; startedAt: string; day: number; fullCapFrom: string } | null; figures: { sentToday: number; scheduled: number } };

let smtp: TestSmtpServer;
let w: ApiWorld;
let repId: string;
const DAY = 86_400_000;

beforeAll(async () => {
  smtp = await startTestSmtpServer({ username: 'sam@fresh.test' });
});
withTestApi({ allowList: LOOPBACK_ALLOWED }, async (world) => {
  w = world;
  repId = (await w.ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep' })).body.id;
});
afterAll(async () => smtp?.close());

const newMailbox = (address: string, extra: Record<string, unknown>) =>
  w.ws.call<View>('POST', '/v1/mailboxes', { userId: repId, address, provider: 'smtp', smtp: { host: '127.0.0.1', port: smtp.port, username: smtp.username, password: smtp.password }, ...extra });
const view = async (id: string) => (await w.ws.call<View>('GET', `/v1/mailboxes/${id}`)).body;

/** `n` prospects of the rep, each in an active enrollment whose emails leave from the mailbox. */
let leads = 0;
async function enrolled(n: number, mailboxId: string) {
  const [sequence] = await w.db.db.select().from(sequences).where(eq(sequences.workspaceId, w.ws.workspaceId)).limit(1);
  const ps = await w.db.db.insert(prospects).values(Array.from({ length: n }, () => ({ workspaceId: w.ws.workspaceId, email: `lead${++leads}@globex.test`, firstName: `Lead${leads}`, timeZone: 'UTC' }))).returning();
  return w.db.db
    .insert(enrollments)
    .values(ps.map((p) => ({ workspaceId: w.ws.workspaceId, prospectId: p.id, sequenceId: sequence!.id, sequenceVersion: 1, repId, mailboxId, workflowId: `wf-${p.id}`, status: 'active' as const })))
    .returning();
}

describe('warm-up ramp of a new mailbox', () => {
  it('sends only the first day\'s cap; the rest waits, visibly, and leaves the next day', async () => {
    const created = await newMailbox('sam@fresh.test', { dailyCap: 10, hourlyCap: 10, minGapSeconds: 0, warmup: { startCap: 2, step: 2 } });
    expect(created.status).toBe(201);
    const box = created.body;
    expect(box).toMatchObject({ dailyCap: 10, effectiveDailyCap: 2, warmup: { startCap: 2, step: 2, day: 1 } });
    expect(Date.parse(box.warmup!.fullCapFrom) - Date.parse(box.warmup!.startedAt)).toBe(4 * DAY);

    const channels = createChannelRegistry({ ...testSecurity, allowList: LOOPBACK_ALLOWED, google: { clientId: undefined, clientSecret: undefined, rootUrl: undefined, tokenUrl: undefined }, localOutboxDir: null, publicUrl: 'http://relance.test' });
    const step = { id: 'intro', type: 'email', template: { subject: 'A quick question, {{prospect.firstName}}', body: 'Ten minutes will do.' } } as unknown as Step;
    const stagedAt = Date.now();
    const es = await enrolled(5, box.id);
    const staged = [];
    for (const e of es) staged.push(await stageEmailTouch(w.db.db, channels, { workspaceId: w.ws.workspaceId, enrollmentId: e.id, stepKey: 'intro#1', step, desiredAt: new Date().toISOString(), pace: true, ignoreTimingRules: true }));
    const firstDayEnds = Date.parse(box.warmup!.startedAt) + DAY;
    expect(staged.filter((s) => Date.parse(s.sendAt) < firstDayEnds)).toHaveLength(2);
    expect(staged.filter((s) => Date.parse(s.sendAt) >= firstDayEnds)).toHaveLength(3);
    expect(staged.every((s) => s.status === 'scheduled')).toBe(true);

    const dispatcher = startOutboxDispatcher({ db: w.db.db, channels, intervalMs: 50, concurrency: 2 });
    try {
      await smtp.waitFor(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(smtp.received).toHaveLength(2);
      await expect.poll(() => view(box.id), { timeout: 5000 }).toMatchObject({ effectiveDailyCap: 2, warmup: { day: 1 }, figures: { sentToday: 2, scheduled: 3 } });

      // A day later (the mailbox's ramp, sends and bookings 24 hours older): day 2, a cap of 4;
      // the three waiting emails leave, two sent yesterday still count in the rolling day.
      await w.db.db.update(mailboxes).set({ warmupStartedAt: sql`${mailboxes.warmupStartedAt} - interval '1 day'` }).where(eq(mailboxes.id, box.id));
      await w.db.db
        .update(touches)
        .set({ scheduledAt: sql`${touches.scheduledAt} - interval '1 day'`, sentAt: sql`${touches.sentAt} - interval '1 day'` })
        .where(and(eq(touches.mailboxId, box.id), eq(touches.workspaceId, w.ws.workspaceId)));
      await smtp.waitFor(5);
      expect(smtp.received).toHaveLength(5);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(5);
      await expect.poll(() => view(box.id), { timeout: 5000 }).toMatchObject({ effectiveDailyCap: 4, warmup: { day: 2 }, figures: { sentToday: 3, scheduled: 0 } });
      const rows = await w.db.db.select().from(touches).where(eq(touches.mailboxId, box.id));
      expect(rows.map((r) => r.status)).toEqual(Array(5).fill('sent'));
      expect(Math.min(...rows.map((r) => r.scheduledAt!.getTime()))).toBeGreaterThanOrEqual(stagedAt - DAY - 1000);
    } finally {
      await dispatcher.stop();
      await channels.close();
    }
  }, 60_000);

  it('is off unless asked, set and stopped by ops, and refused when it would not ramp, naming the field', async () => {
    const plain = (await newMailbox('lea@plain.test', {})).body;
    expect(plain).toMatchObject({ warmup: null, effectiveDailyCap: 400, dailyCap: 400 });

    const high = await w.ws.call<Problem>('POST', '/v1/mailboxes', { userId: repId, address: 'lea@high.test', provider: 'smtp', dailyCap: 50, hourlyCap: 10, warmup: { startCap: 50, step: 10 }, smtp: { host: '127.0.0.1', port: smtp.port, username: 'x', password: 'y' } });
    expect(high.status).toBe(422);
    expect(high.body.errors).toEqual([{ field: 'body.warmup.startCap', message: 'a ramp starts below the daily cap (50)' }]);
    const zero = await w.ws.call<Problem>('PATCH', `/v1/mailboxes/${plain.id}`, { warmup: { startCap: 0, step: 5 } });
    expect(zero.status).toBe(422);
    expect(zero.body.errors.map((e) => e.field)).toEqual(['body.warmup.startCap']);

    const key = await w.ws.call<{ key: string }>('POST', '/v1/api-keys', { name: 'Sam', role: 'rep', userId: repId });
    const byRep = await w.ws.as(key.body.key)<Problem>('PATCH', `/v1/mailboxes/${plain.id}`, { warmup: { startCap: 20, step: 20 } });
    expect(byRep.status).toBe(403);
    expect(byRep.body.errors.map((e) => e.field)).toEqual(['body.warmup']);

    const started = await w.ws.call<View>('PATCH', `/v1/mailboxes/${plain.id}`, { warmup: { startCap: 20, step: 20 } });
    expect(started.body).toMatchObject({ effectiveDailyCap: 20, warmup: { startCap: 20, step: 20, day: 1 } });
    const changed = await w.ws.call<View>('PATCH', `/v1/mailboxes/${plain.id}`, { warmup: { startCap: 40, step: 40 } });
    expect(changed.body.warmup).toMatchObject({ startCap: 40, startedAt: started.body.warmup!.startedAt });
    const stopped = await w.ws.call<View>('PATCH', `/v1/mailboxes/${plain.id}`, { warmup: null });
    expect(stopped.body).toMatchObject({ warmup: null, effectiveDailyCap: 400 });
  });

  it('a disconnected mailbox loses none of its held emails: reconnected, they leave paced, spread over the day while warming up', async () => {
    const spacingOf = async (address: string, extra: Record<string, unknown>) => {
      const box = (await newMailbox(address, { dailyCap: 100, hourlyCap: 50, minGapSeconds: 0, ...extra })).body;
      await w.db.db.update(mailboxes).set({ status: 'disconnected', statusDetail: 'SMTP authentication refused: 535' }).where(eq(mailboxes.id, box.id));
      const es = await enrolled(3, box.id);
      await w.db.db.insert(touches).values(
        es.map((e, i) => ({ workspaceId: w.ws.workspaceId, enrollmentId: e.id, prospectId: e.prospectId, stepKey: 'intro#1', channel: 'email' as const, provider: 'smtp' as const, mailboxId: box.id, status: 'held' as const, detail: 'SMTP authentication refused: 535', scheduledAt: new Date(Date.now() - (3 - i) * 3_600_000), toAddress: `held${i}@globex.test` })),
      );
      expect((await view(box.id)).figures).toMatchObject({ held: 3 });
      const back = await w.ws.call<{ status: string }>('PUT', `/v1/mailboxes/${box.id}/credentials`, { password: smtp.password });
      expect(back.body.status).toBe('connected');
      const rows = (await w.db.db.select().from(touches).where(eq(touches.mailboxId, box.id))).sort((a, b) => a.scheduledAt!.getTime() - b.scheduledAt!.getTime());
      expect(rows.map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'scheduled']);
      return rows.slice(1).map((r, i) => (r.scheduledAt!.getTime() - rows[i]!.scheduledAt!.getTime()) / 1000);
    };
    // At most the hourly cap an hour (3600 / 50 = 72 s apart) ...
    expect(await spacingOf('sam@back.test', {})).toEqual([72, 72]);
    // ... and while warming up, the day's ramp cap spread over the day (86400 / 4 = 6 hours apart).
    expect(await spacingOf('sam@back-warm.test', { warmup: { startCap: 4, step: 4 } })).toEqual([21_600, 21_600]);
  });
});
