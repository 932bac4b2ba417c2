// The email inbound webhook's generic formats (`message`: the email's fields; `raw`: the whole
// RFC 822 message) on a real worker: classified server-side, matched to the touch it answers,
// applied once. A reply stops the cadence, a hard bounce invalidates the address and stops it,
// an out-of-office pauses it until the return date it gives.
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, events, inboundReceipts, prospects } from '../../db/schema.js';
import { startMailWorld, type MailWorld } from './world.js';
import type { Problem } from '../support/api.js';

let w: MailWorld;
const PAUSE_DAYS = 2;

beforeAll(async () => {
  w = await startMailWorld({ autoReplyPauseDays: PAUSE_DAYS });
});
afterAll(async () => w?.stop());

const eml = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url)).toString('base64');
const eventsOf = (prospectId: string, type: string) => w.db.db.select().from(events).where(and(eq(events.prospectId, prospectId), eq(events.type, type)));
type Applied = { applied: boolean; duplicate: boolean; reason?: string; enrollmentId?: string; touchId?: string; classification?: Record<string, unknown>; enrollmentsSignalled?: number };

describe('inbound email: the email itself, classified and matched', () => {
  it('a reply matched by In-Reply-To stops the enrollment, even from another address; a replay applies nothing twice', async () => {
    const p = await w.addProspect('marie@globex.test');
    const e = await w.enroll(p.id);
    const touchId = await w.sentTouch(e, p.id, '<t1.reply@relance.test>', 'marie@globex.test');
    const reply = { type: 'message', from: 'Assistant <assistant@globex.test>', subject: 'Re: A quick call on Tuesday?', inReplyTo: 't1.reply@relance.test', messageId: '<r1@globex.test>', text: 'Marie will call you back.' };

    const res = await w.deliver<Applied>(reply, 'msg_reply_1');
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ applied: true, duplicate: false, prospectId: p.id, enrollmentId: e, touchId, classification: { kind: 'reply' }, enrollmentsSignalled: 1 });
    expect(await w.enrollmentWhen(e, 'stopped')).toMatchObject({ stopReason: 'replied' });
    const replied = await eventsOf(p.id, 'prospect.replied');
    expect(replied).toEqual([expect.objectContaining({ enrollmentId: e, payload: expect.objectContaining({ source: 'email', touchId, messageId: '<r1@globex.test>', subject: 'Re: A quick call on Tuesday?' }) })]);

    // The same delivery again, then the same email under another webhook id: nothing more.
    expect(await w.deliver(reply, 'msg_reply_1')).toEqual({ status: 200, body: { duplicate: true } });
    const again = await w.deliver<Applied>(reply, 'msg_reply_2');
    expect([again.status, again.body.applied, again.body.reason]).toEqual([202, false, 'this email was already received']);
    expect(await eventsOf(p.id, 'prospect.replied')).toHaveLength(1);
  });

  it('a reply stops the other enrollments at the account when the sequence says so', async () => {
    const a = await w.addProspect('ceo@initech.test', { account: { name: 'Initech', domain: 'initech.test' } });
    const b = await w.addProspect('cfo@initech.test', { accountId: a.accountId });
    const ea = await w.enroll(a.id, 'later-account');
    const eb = await w.enroll(b.id, 'later-account');
    await w.enrollmentWhen(eb, 'active');
    const res = await w.deliver<Applied>({ type: 'message', from: 'ceo@initech.test', subject: 'Re: hello', text: 'Not now, thanks.' });
    expect(res.body).toMatchObject({ applied: true, enrollmentId: null, classification: { kind: 'reply' } });
    expect(await w.enrollmentWhen(ea, 'stopped')).toMatchObject({ stopReason: 'replied' });
    expect(await w.enrollmentWhen(eb, 'stopped')).toMatchObject({ stopReason: 'account_replied' });
  });

  it('a delivery report (raw MIME, multipart/report) with 5.1.1 marks the address invalid and stops the cadence', async () => {
    const p = await w.addProspect('nobody@globex.test');
    const e = await w.enroll(p.id);
    const touchId = await w.sentTouch(e, p.id, '<touch.abc@relance.acme.test>', 'nobody@globex.test');
    const res = await w.deliver<Applied>({ type: 'raw', mime: eml('postfix-user-unknown.eml') });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ applied: true, enrollmentId: e, touchId, classification: { kind: 'bounce', bounceKind: 'hard', status: '5.1.1', recipient: 'nobody@globex.test' } });
    expect(await w.enrollmentWhen(e, 'stopped')).toMatchObject({ stopReason: 'bounced' });
    expect((await w.db.db.select().from(prospects).where(eq(prospects.id, p.id)))[0]!.status).toBe('invalid_email');
    expect(await eventsOf(p.id, 'email.bounced')).toEqual([expect.objectContaining({ enrollmentId: e, payload: expect.objectContaining({ kind: 'hard', status: '5.1.1', touchId }) })]);
  });

  it('a full mailbox is a soft bounce: recorded, the cadence goes on', async () => {
    const p = await w.addProspect('paul@hooli.test');
    const e = await w.enroll(p.id);
    await w.enrollmentWhen(e, 'active');
    const res = await w.deliver<Applied>({ type: 'raw', mime: eml('mailbox-full-dsn.eml') });
    expect(res.body).toMatchObject({ applied: true, classification: { kind: 'bounce', bounceKind: 'soft', status: '5.2.2' }, enrollmentsSignalled: 0 });
    expect(await eventsOf(p.id, 'email.bounced')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ kind: 'soft' }) })]);
    expect((await w.db.db.select().from(prospects).where(eq(prospects.id, p.id)))[0]!.status).toBe('active');
    expect((await w.db.db.select().from(enrollments).where(eq(enrollments.id, e)))[0]!.status).toBe('active');
  });

  it('an out-of-office saying "de retour le <date>" pauses until the start of that day in the prospect\'s zone', async () => {
    const p = await w.addProspect('helene@globex.fr', { timeZone: 'Europe/Paris' });
    const e = await w.enroll(p.id);
    await w.enrollmentWhen(e, 'active');
    const back = DateTime.now().setZone('Europe/Paris').startOf('day').plus({ days: 10 });
    const res = await w.deliver<Applied>({
      type: 'message',
      from: 'Hélène <helene@globex.fr>',
      subject: 'Réponse automatique : Appel mardi ?',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: `Bonjour,\nJe suis absente, de retour le ${back.setLocale('fr').toFormat('d MMMM')}.\nCordialement`,
    });
    const returnAt = back.toJSDate().toISOString();
    expect(res.body).toMatchObject({ applied: true, classification: { kind: 'auto_reply', returnAt } });
    expect(await w.enrollmentWhen(e, 'paused')).toMatchObject({ status: 'paused' });
    const view = await w.ws.call<{ live: { pausedUntil: string } }>('GET', `/v1/enrollments/${e}`);
    expect(view.body.live.pausedUntil).toBe(returnAt);
  });

  it('an out-of-office without a date pauses for the workspace\'s autoReplyPauseDays', async () => {
    const p = await w.addProspect('walter@graymatter.test');
    const e = await w.enroll(p.id);
    await w.enrollmentWhen(e, 'active');
    const before = Date.now();
    const res = await w.deliver<Applied>({ type: 'raw', mime: Buffer.from(readFileSync(new URL('./corpus/ooo-no-date.eml', import.meta.url))).toString('base64') });
    const after = Date.now();
    expect(res.body).toMatchObject({ applied: true, classification: { kind: 'auto_reply', returnAt: null } });
    await w.enrollmentWhen(e, 'paused');
    const until = Date.parse((await w.ws.call<{ live: { pausedUntil: string } }>('GET', `/v1/enrollments/${e}`)).body.live.pausedUntil);
    expect(until).toBeGreaterThanOrEqual(before + PAUSE_DAYS * 86_400_000);
    expect(until).toBeLessThanOrEqual(after + PAUSE_DAYS * 86_400_000);
  });

  it('ignores list mail, our own mail and strangers, and records nothing for them', async () => {
    const list = await w.deliver<Applied>({ type: 'raw', mime: eml('newsletter.eml') });
    expect([list.status, list.body.applied, list.body.reason]).toEqual([202, false, 'ignored: list or bulk mail']);
    const own = await w.deliver<Applied>({ type: 'message', from: 'sam@acme.test', subject: 'Re: hello', text: 'Following up' });
    expect(own.body).toMatchObject({ applied: false, reason: 'ignored: sent from the workspace itself' });
    const stranger = await w.deliver<Applied>({ type: 'message', from: 'who@nowhere.test', subject: 'Hi' });
    expect(stranger.body).toMatchObject({ applied: false, reason: expect.stringMatching(/no touch or prospect/) });
  });

  it('refuses bad input with 422 naming the field, and applies nothing', async () => {
    const receipts = async () => (await w.db.db.select().from(inboundReceipts)).length;
    const before = await receipts();
    const cases: Array<[unknown, string]> = [
      [{ type: 'message', from: 'not an address' }, 'body.from'],
      [{ type: 'message', from: 'a@globex.test', inReplyTo: 'no-at-sign' }, 'body.inReplyTo'],
      [{ type: 'message', from: 'a@globex.test', headers: { 'x-a': 1 } }, 'body.headers.x-a'],
      [{ type: 'raw', mime: '%%% not base64 %%%' }, 'body.mime'],
      [{ type: 'raw', mime: Buffer.from('just words, no headers').toString('base64') }, 'body.mime'],
      [{ type: 'telepathy' }, 'body.type'],
    ];
    for (const [body, field] of cases) {
      const res = await w.deliver<Problem>(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((x) => x.field)).toContain(field);
    }
    expect(await receipts()).toBe(before);
  });
});
