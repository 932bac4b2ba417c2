// Sequence versions while enrollments run (a published version is frozen: running enrollments
// keep theirs, new ones take the latest), and the rep's call capacity behind the announced time
// (PLAYBOOK §1: the promise must be a slot the rep can keep).
import { and, asc, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { callSlots, enrollments, sequenceVersions, touches, users } from '../../db/schema.js';
import { addProspect, complete, dueOf, enroll, local, openTaskOf, seed, status, type CadenceHarness, type Enrolled, type Seed, withCadenceHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { queueOf, stopEnrollment } from '../support/cadence-api.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;

withCadenceHarness((started) => (h = started));


async function nextMonday(): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, '10:00', (d) => d.weekday === 1);
}

async function noteDone(s: Seed, prospectId: string): Promise<Enrolled> {
  const e = await enroll(h, s, { prospectId });
  const note = await openTaskOf(h, e, 'linkedin-note');
  const done = await complete(h, s, note.taskId, { outcome: 'done' });
  expect(done.body.next?.stepId).toBe('announce-email');
  return e;
}

async function emailOf(e: Enrolled) {
  const rows = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

type SequenceJson = { sequenceId: string; key: string; name: string; version: number; definition: { steps: Array<Record<string, any>> } & Record<string, unknown> };

describe('sequence versions and call capacity', () => {
  it('a running enrollment keeps v1 while a new one takes the v2 published meanwhile', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const prospectB = await addProspect(h, s, 'alex@initech.test');
    const monday = await nextMonday();
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(monday));

    // A starts on v1, the default announced-call cadence.
    const a = await noteDone(s, s.prospectId);

    // Publish v2: another subject, the call announced at 10:00.
    const list = await h.api<{ data: SequenceJson[] }>('GET', `/v1/sequences`);
    const v1 = list.body.data.find((x) => x.key === 'announced-call')!;
    expect(v1.version).toBe(1);
    const definition = structuredClone(v1.definition);
    const email = definition.steps.find((x) => x.id === 'announce-email')!;
    expect(email.announce).toEqual({ callStep: 'announced-call', at: '09:15' });
    email.announce = { callStep: 'announced-call', at: '10:00' };
    email.template.subject = 'Calling you at {{announcedCall.time}} about {{#context}}{{context}}{{/context}}{{^context}}{{account.name}}{{/context}}';
    const published = await h.api<SequenceJson>('POST', `/v1/sequences/${v1.sequenceId}/versions`, { definition });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ sequenceId: v1.sequenceId, key: 'announced-call', version: 2 });
    expect(published.body.definition.steps.find((x) => x.id === 'announce-email')!.announce).toEqual({ callStep: 'announced-call', at: '10:00' });
    const versions = await h.db.db.select().from(sequenceVersions).where(eq(sequenceVersions.sequenceId, v1.sequenceId)).orderBy(asc(sequenceVersions.version));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const latest = await h.api<{ data: SequenceJson[] }>('GET', `/v1/sequences`);
    expect(latest.body.data.find((x) => x.key === 'announced-call')!.version).toBe(2);

    // B starts after the publication: v2.
    const b = await noteDone(s, prospectB);
    const rows = new Map((await h.db.db.select().from(enrollments).where(eq(enrollments.workspaceId, s.workspaceId))).map((r) => [r.id, r]));
    expect(rows.get(a.id)!.sequenceVersion).toBe(1);
    expect(rows.get(b.id)!.sequenceVersion).toBe(2);
    expect((await status(h, a)).sequenceVersion).toBe(1);
    expect((await status(h, b)).sequenceVersion).toBe(2);
    const viewB = await h.api<{ sequenceVersion: number; live: { upcoming: Array<{ stepId: string; dueAt: string }> } }>('GET', `/v1/enrollments/${b.id}`);
    expect(viewB.body.sequenceVersion).toBe(2);
    const upcomingCall = viewB.body.live.upcoming.find((x) => x.stepId === 'announced-call')!;
    expect(local(upcomingCall.dueAt, PARIS)).toBe(`${ymd(tuesday)} 10:00 (Tue)`);

    // Tuesday 08:00: both emails leave; each follows its own version.
    await h.advanceTo(iso(at(tuesday, '08:01')));
    const callA = await dueOf(h, a, 'announced-call');
    const callB = await dueOf(h, b, 'announced-call');
    expect(callA).toBe(iso(at(tuesday, '09:15')));
    expect(callB).toBe(iso(at(tuesday, '10:00')));
    const emailA = await emailOf(a);
    const emailB = await emailOf(b);
    expect(emailA.subject).toBe('Tuesday 09:15: quick call about your Series B');
    expect(emailA.body).toContain('I will call you at 09:15 sharp');
    expect(emailA.announcedCallAt!.toISOString()).toBe(callA);
    expect(emailB.subject).toBe('Calling you at 10:00 about your Series B');
    expect(emailB.body).toContain('I will call you at 10:00 sharp');
    expect(emailB.announcedCallAt!.toISOString()).toBe(callB);
    expect((await openTaskOf(h, a, 'announced-call')).dueAt).toBe(callA);
    expect((await openTaskOf(h, b, 'announced-call')).dueAt).toBe(callB);
    const slots = await h.db.db.select().from(callSlots).where(eq(callSlots.workspaceId, s.workspaceId));
    expect(new Map(slots.map((x) => [x.enrollmentId, x.startsAt.toISOString()]))).toEqual(new Map([[a.id, callA], [b.id, callB]]));

    for (const e of [a, b]) await stopEnrollment(h, s, e);
  });

  it('call capacity: two emails the same morning cannot both announce 09:15; the second announces 09:20', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const [rep] = await h.db.db.select().from(users).where(eq(users.id, s.repId));
    expect(rep!.callsPerHour).toBe(12); // 5-minute slots
    const second = await addProspect(h, s, 'alex@initech.test');
    const monday = await nextMonday();
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(monday));
    const runs = [await noteDone(s, s.prospectId), await noteDone(s, second)];

    await h.advanceTo(iso(at(tuesday, '08:01')));
    const dues = await Promise.all(runs.map((e) => dueOf(h, e, 'announced-call')));
    // Whichever email reserved first got 09:15; the other one 09:20.
    expect([...dues].sort()).toEqual([iso(at(tuesday, '09:15')), iso(at(tuesday, '09:20'))]);

    const slots = await h.db.db.select().from(callSlots).where(and(eq(callSlots.workspaceId, s.workspaceId), eq(callSlots.status, 'reserved'))).orderBy(asc(callSlots.startsAt));
    expect(slots).toHaveLength(2);
    expect(slots.map((x) => [local(x.startsAt.toISOString(), PARIS), local(x.endsAt.toISOString(), PARIS), x.repId, x.stepKey])).toEqual([
      [`${ymd(tuesday)} 09:15 (Tue)`, `${ymd(tuesday)} 09:20 (Tue)`, s.repId, 'announced-call#1'],
      [`${ymd(tuesday)} 09:20 (Tue)`, `${ymd(tuesday)} 09:25 (Tue)`, s.repId, 'announced-call#1'],
    ]);
    expect(slots[1]!.startsAt.getTime() - slots[0]!.startsAt.getTime()).toBe(5 * 60_000);

    for (const [i, e] of runs.entries()) {
      const hhmm = local(dues[i]!, PARIS).slice(11, 16);
      const email = await emailOf(e);
      expect(local(email.sentAt!.toISOString(), PARIS)).toBe(`${ymd(tuesday)} 08:00 (Tue)`);
      expect(email.announcedCallAt!.toISOString()).toBe(dues[i]);
      expect(email.subject).toBe(`Tuesday ${hhmm}: quick call about your Series B`);
      expect(email.body).toContain(`I will call you at ${hhmm} sharp`);
      expect(slots.find((x) => x.enrollmentId === e.id)!.startsAt.toISOString()).toBe(dues[i]);
      const call = await openTaskOf(h, e, 'announced-call');
      expect(call.dueAt).toBe(dues[i]);
    }
    // The rep's queue: the 09:15 call, then the 09:20 one.
    const queue = await queueOf(h, s, s.repId);
    expect(queue.map((t) => [t.kind, local(t.dueAt, PARIS)])).toEqual([
      ['call', `${ymd(tuesday)} 09:15 (Tue)`],
      ['call', `${ymd(tuesday)} 09:20 (Tue)`],
    ]);

    for (const e of runs) await stopEnrollment(h, s, e);
    const released = await h.db.db.select().from(callSlots).where(eq(callSlots.workspaceId, s.workspaceId));
    expect(released.map((x) => x.status)).toEqual(['released', 'released']);
  });
});
