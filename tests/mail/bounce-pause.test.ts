// Deliverability guard: a mailbox whose emails bounce hard too often, or are marked as spam, pauses by itself. Real
// delivery reports (raw MIME through the signed email webhook, as IMAP or Gmail would hand them)
// on a real worker: the third hard bounce among its last 100 sends pauses it, its waiting email is
// held (not lost), the rep gets a task and the timeline a `mailbox.paused` event; ops resume it,
// the email is released, and the count starts again from the resume. Soft bounces and the same
// report twice do not count.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, mailboxes, tasks, touches } from '../../db/schema.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';
import { startMailWorld, type MailWorld } from './world.js';
import type { Problem } from '../support/api.js';

let w: MailWorld;
let mailboxId: string;

beforeAll(async () => {
  w = await startMailWorld({}, { allowList: LOOPBACK_ALLOWED });
  const res = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', { userId: w.repId, address: 'sam@acme.test', provider: 'smtp', smtp: { host: '127.0.0.1', port: 2525, username: 'sam@acme.test', password: 'smtp-pass' } });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  mailboxId = res.body.id;
});
afterAll(async () => w?.stop());

const dsn = (recipient: string, bounced: string, status: string) =>
  Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mail.acme.test>', 'To: sam@acme.test', 'Subject: Undelivered Mail Returned to Sender', `Message-ID: <dsn.${randomUUID()}@mail.acme.test>`,
      'Auto-Submitted: auto-replied', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain', '', `I'm sorry to have to inform you that your message could not be delivered to ${recipient}.`, '',
      '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mail.acme.test', '', `Final-Recipient: rfc822; ${recipient}`, 'Action: failed', `Status: ${status}`, `Diagnostic-Code: smtp; 550 ${status} no such user`, '',
      '--b1', 'Content-Type: text/rfc822-headers', '', 'From: Sam Rep <sam@acme.test>', `To: ${recipient}`, 'Subject: A quick call on Tuesday?', `Message-ID: ${bounced}`, '',
      '--b1--', '',
    ].join('\r\n'),
  ).toString('base64');

/** A prospect in a cadence whose email left from the mailbox. */
async function sentFromMailbox(email: string, box = mailboxId) {
  const p = await w.addProspect(email);
  const e = await w.enroll(p.id);
  const messageId = `<${randomUUID()}@relance.acme.test>`;
  const touchId = await w.sentTouch(e, p.id, messageId, email);
  await w.db.db.update(touches).set({ mailboxId: box }).where(eq(touches.id, touchId));
  return { prospectId: p.id, enrollmentId: e, touchId, messageId, email };
}
const mailbox = async () => (await w.db.db.select().from(mailboxes).where(eq(mailboxes.id, mailboxId)))[0]!;
const bounce = (s: { email: string; messageId: string }, status = '5.1.1') => w.deliver<{ applied: boolean; classification?: { bounceKind: string } }>({ type: 'raw', mime: dsn(s.email, s.messageId, status) });

describe('a mailbox pauses itself after too many hard bounces', () => {
  it('pauses at the third hard bounce of its last 100 sends, holds its waiting email, tells the rep and the timeline; ops resume it', async () => {
    // 96 sends that went fine, one email waiting to leave tomorrow.
    const quiet = await sentFromMailbox('quiet@globex.test');
    await w.db.db.insert(touches).values(
      Array.from({ length: 96 }, (_, i) => ({ workspaceId: w.ws.workspaceId, enrollmentId: quiet.enrollmentId, prospectId: quiet.prospectId, stepKey: `bulk#${i}`, channel: 'email' as const, provider: 'smtp' as const, status: 'sent' as const, toAddress: 'quiet@globex.test', mailboxId, messageId: `<bulk.${i}@relance.acme.test>`, sentAt: new Date(), scheduledAt: new Date() })),
    );
    const [waiting] = await w.db.db
      .insert(touches)
      .values({ workspaceId: w.ws.workspaceId, enrollmentId: quiet.enrollmentId, prospectId: quiet.prospectId, stepKey: 'follow-up#1', channel: 'email', provider: 'smtp', status: 'scheduled', toAddress: 'quiet@globex.test', mailboxId, scheduledAt: new Date(Date.now() + 86_400_000) })
      .returning();
    const [a, b, c, d] = [await sentFromMailbox('gone1@globex.test'), await sentFromMailbox('gone2@globex.test'), await sentFromMailbox('gone3@globex.test'), await sentFromMailbox('full@globex.test')];

    // A soft bounce (mailbox full) and two hard ones, one reported twice: not yet.
    expect((await bounce(d!, '5.2.2')).body).toMatchObject({ applied: true, classification: { bounceKind: 'soft' } });
    expect((await bounce(a!)).body).toMatchObject({ applied: true, classification: { bounceKind: 'hard' } });
    await bounce(a!);
    expect((await bounce(b!)).body).toMatchObject({ applied: true });
    expect(await mailbox()).toMatchObject({ status: 'connected' });

    expect((await bounce(c!)).body).toMatchObject({ applied: true });
    const paused = await mailbox();
    expect(paused).toMatchObject({ status: 'paused', statusDetail: 'paused: 3 hard bounces among its last 100 emails (the limit is 3 in 100); check the list, then resume it' });
    expect((await w.db.db.select().from(touches).where(eq(touches.id, waiting!.id)))[0]).toMatchObject({ status: 'held', detail: paused.statusDetail });
    const repTasks = await w.db.db.select().from(tasks).where(and(eq(tasks.workspaceId, w.ws.workspaceId), eq(tasks.kind, 'mailbox_paused')));
    expect(repTasks).toEqual([expect.objectContaining({ repId: w.repId, status: 'open', prep: expect.objectContaining({ mailboxId }) })]);
    const pausedEvents = await w.db.db.select().from(events).where(and(eq(events.workspaceId, w.ws.workspaceId), eq(events.type, 'mailbox.paused')));
    expect(pausedEvents).toEqual([expect.objectContaining({ payload: expect.objectContaining({ mailboxId, sent: 100, hardBounces: 3 }) })]);
    const view = await w.ws.call<{ status: string; figures: { held: number } }>('GET', `/v1/mailboxes/${mailboxId}`);
    expect(view.body).toMatchObject({ status: 'paused', figures: { held: 1 } });

    // New credentials do not resume it; ops do.
    expect((await w.ws.call<{ status: string }>('PUT', `/v1/mailboxes/${mailboxId}/credentials`, { password: 'new-pass' })).body.status).toBe('paused');
    const resumed = await w.ws.call<{ status: string }>('PATCH', `/v1/mailboxes/${mailboxId}`, { status: 'connected' });
    expect([resumed.status, resumed.body.status]).toEqual([200, 'connected']);
    const [reconnected] = await w.db.db.select().from(events).where(and(eq(events.workspaceId, w.ws.workspaceId), eq(events.type, 'mailbox.reconnected')));
    expect(reconnected!.payload).toMatchObject({ mailboxId, reason: 'resumed by ops', emailsReleased: 1 });
    expect((await w.db.db.select().from(tasks).where(eq(tasks.id, repTasks[0]!.id)))[0]!.status).toBe('done');

    // Counted again from the resume: a bounce of an email sent before it does not pause the mailbox.
    const e = await sentFromMailbox('gone4@globex.test');
    await w.db.db.update(touches).set({ sentAt: new Date(Date.now() - 60_000) }).where(eq(touches.id, e.touchId));
    await bounce(e);
    expect(await mailbox()).toMatchObject({ status: 'connected' });
  });

  it('one spam complaint (a feedback-loop report) among its last sends pauses it, and opts the person out', async () => {
    expect(await mailbox()).toMatchObject({ status: 'connected' });
    const jane = await sentFromMailbox('jane.roe@hooli.test');
    await w.db.db.update(touches).set({ messageId: '<touch.arf1@relance.acme.test>' }).where(eq(touches.id, jane.touchId));
    await w.enrollmentWhen(jane.enrollmentId, 'active');
    const res = await w.deliver<{ applied: boolean; classification?: { kind: string } }>({ type: 'raw', mime: readFileSync(new URL('./corpus/arf-complaint.eml', import.meta.url)).toString('base64') });
    expect(res.body).toMatchObject({ applied: true, classification: { kind: 'complaint', recipient: 'jane.roe@hooli.test' } });
    expect(await w.enrollmentWhen(jane.enrollmentId, 'stopped')).toMatchObject({ stopReason: 'opted_out' });
    expect(await mailbox()).toMatchObject({ status: 'paused', statusDetail: expect.stringMatching(/^paused: 1 spam complaint among its last \d+ emails \(the limit is 1 in 100\)/) });
    expect((await w.db.db.select().from(touches).where(eq(touches.id, jane.touchId)))[0]!.complainedAt).not.toBeNull();
  });
});

describe("the workspace's own limits", () => {
  it('ops set how many hard bounces in how many sends pause a mailbox; a limit that could never be reached is refused, naming the field', async () => {
    expect((await w.ws.call('GET', '/v1/deliverability-policy')).body).toEqual({ overrides: {}, effective: { window: 100, hardBouncesToPause: 3, complaintsToPause: 1 } });
    const unreachable = await w.ws.call<Problem>('PUT', '/v1/deliverability-policy', { window: 20, hardBouncesToPause: 30 });
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.errors).toEqual([{ field: 'body.hardBouncesToPause', message: 'cannot exceed the window (20 sends)' }]);
    const unknownField = await w.ws.call<Problem>('PUT', '/v1/deliverability-policy', { bounceRate: 0.03 });
    expect(unknownField.status).toBe(422);
    const set = await w.ws.call('PUT', '/v1/deliverability-policy', { window: 50, hardBouncesToPause: 1 });
    expect(set.body).toEqual({ overrides: { window: 50, hardBouncesToPause: 1 }, effective: { window: 50, hardBouncesToPause: 1, complaintsToPause: 1 } });

    const strict = await w.ws.call<{ id: string }>('POST', '/v1/mailboxes', { userId: w.repId, address: 'sam.strict@acme.test', provider: 'smtp', smtp: { host: '127.0.0.1', port: 2525, username: 'sam.strict@acme.test', password: 'smtp-pass' } });
    const s = await sentFromMailbox('gone.strict@globex.test', strict.body.id);
    expect((await bounce(s)).body).toMatchObject({ applied: true });
    const [row] = await w.db.db.select().from(mailboxes).where(eq(mailboxes.id, strict.body.id));
    expect(row).toMatchObject({ status: 'paused', statusDetail: 'paused: 1 hard bounce among its last 1 emails (the limit is 1 in 50); check the list, then resume it' });
    await w.ws.call('PUT', '/v1/deliverability-policy', {});
  });
});
