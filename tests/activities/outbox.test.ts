// The outbox on real PostgreSQL: two dispatchers and a workflow fallback racing over the same
// due emails send each exactly once; an opt-out after staging suppresses; not-yet-due waits.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTouch, deliverClaimed } from '../../activities/outbox.js';
import type { ChannelProvider, OutboundTouch } from '../../channels/types.js';
import { enrollments, prospects, touches } from '../../db/schema.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

function countingProvider(): ChannelProvider & { sent: OutboundTouch[] } {
  const sent: OutboundTouch[] = [];
  return {
    id: 'counting',
    sent,
    async send(t) {
      sent.push(t);
      await new Promise((r) => setTimeout(r, 1));
      return { status: 'sent', provider: 'counting' };
    },
  };
}

async function stage(n: number, dueInMs: number) {
  const seed = await seedWorkspace(db.db);
  const ws = seed.workspace.id;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [p] = await db.db.insert(prospects).values({ workspaceId: ws, email: `p${i}@x.test`, firstName: `P${i}`, timeZone: 'UTC' }).returning();
    const [e] = await db.db
      .insert(enrollments)
      .values({ workspaceId: ws, prospectId: p!.id, sequenceId: seed.sequence.id, sequenceVersion: 1, repId: seed.rep.id, workflowId: `wf-${ws}-${i}` })
      .returning();
    rows.push({ workspaceId: ws, enrollmentId: e!.id, prospectId: p!.id, stepKey: 'email#1', channel: 'email', provider: 'counting', status: 'scheduled' as const, scheduledAt: new Date(Date.now() + dueInMs), toAddress: p!.email, subject: `Hi P${i}`, body: 'Hello' });
  }
  return { ws, touches: await db.db.insert(touches).values(rows).returning() };
}

describe('outbox dispatch', () => {
  it('sends every due email exactly once across two dispatchers and the workflow fallback', async () => {
    const { ws, touches: staged } = await stage(200, 0);
    const provider = countingProvider();
    const channels = { email: provider };
    const a = startOutboxDispatcher({ db: db.db, channels, batchSize: 25 });
    const b = startOutboxDispatcher({ db: db.db, channels, batchSize: 25 });
    // The workflows' fallback claims some at the same time.
    await Promise.all(staged.slice(0, 50).map(async (t) => {
      const claimed = await claimTouch(db.db, t.id);
      if (claimed) await deliverClaimed(db.db, channels, claimed);
    }));
    for (let i = 0; i < 100; i++) {
      const left = await db.db.select().from(touches).where(eq(touches.workspaceId, ws));
      if (left.every((t) => t.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all([a.stop(), b.stop()]);
    const rows = await db.db.select().from(touches).where(eq(touches.workspaceId, ws));
    expect(rows.map((r) => r.status).filter((s) => s !== 'sent')).toEqual([]);
    expect(provider.sent).toHaveLength(200);
    expect(new Set(provider.sent.map((t) => t.enrollmentId)).size).toBe(200);
    expect(rows.every((r) => r.sentAt !== null && r.sentAt.getTime() >= r.scheduledAt!.getTime())).toBe(true);
  });

  it('suppresses an email whose prospect opted out after it was staged, and leaves future ones alone', async () => {
    const { ws, touches: [optedOut, future] } = await stage(2, 0);
    await db.db.update(prospects).set({ status: 'opted_out' }).where(eq(prospects.id, optedOut!.prospectId));
    await db.db.update(touches).set({ scheduledAt: new Date(Date.now() + 3_600_000) }).where(eq(touches.id, future!.id));
    const provider = countingProvider();
    const d = startOutboxDispatcher({ db: db.db, channels: { email: provider } });
    for (let i = 0; i < 50; i++) {
      const [row] = await db.db.select().from(touches).where(eq(touches.id, optedOut!.id));
      if (row?.status !== 'scheduled' && row?.status !== 'sending') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await d.stop();
    const rows = await db.db.select().from(touches).where(eq(touches.workspaceId, ws));
    expect(rows.find((r) => r.id === optedOut!.id)).toMatchObject({ status: 'suppressed', detail: 'prospect opted out', sentAt: null });
    expect(rows.find((r) => r.id === future!.id)?.status).toBe('scheduled');
    expect(provider.sent).toHaveLength(0);
  });
});
