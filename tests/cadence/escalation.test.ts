// PLAYBOOK §4 on the time-skipping server: a blocker logged on the announced call goes to the
// escalation step. Organizational blocker: the guard allows it, the rep tells the champion
// first, then the manager calls with a briefing. Budget blocker: refused, back to the
// objection, no manager task. Quota per account: the second escalation at the same account is refused.
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { enrollments, escalations, tasks } from '../../db/schema.js';
import { complete, enroll, local, openTaskOf, seed, waitFor, type CadenceHarness, type Enrolled, type Seed, withCadenceHarness } from '../support/cadence.js';
import { at, iso, nextLocal } from '../support/dates.js';
import { queueOf, resultOf, stopEnrollment } from '../support/cadence-api.js';
import { addProspectAt } from '../support/cadence-paths.js';
import { eventRows, taskRows } from '../support/cadence-rows.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;

withCadenceHarness((started) => (h = started));

/** Next Monday 10:00 Paris (prospects here have no country: only weekends close days). */
async function nextMonday(): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, '10:00', (d) => d.weekday === 1);
}

/** Enrolls each prospect on Monday 10:00, completes the LinkedIn notes; returns Tuesday. */
async function throughNotes(s: Seed, prospectIds: string[]): Promise<{ enrolled: Enrolled[]; tuesday: DateTime }> {
  const monday = await nextMonday();
  await h.advanceTo(iso(monday));
  const enrolled: Enrolled[] = [];
  for (const prospectId of prospectIds) {
    const e = await enroll(h, s, { prospectId });
    const note = await openTaskOf(h, e, 'linkedin-note');
    const done = await complete(h, s, note.taskId, { outcome: 'done' });
    expect(done.body.next?.stepId).toBe('announce-email');
    enrolled.push(e);
  }
  return { enrolled, tuesday: monday.plus({ days: 1 }) };
}

/** Waits for a task of the escalation step other than `exceptTaskId` and returns it. */
async function escalationTask(e: Enrolled, exceptTaskId?: string) {
  const v = await waitFor(h, e, (x) => x.phase === 'task_open' && x.currentTask?.stepId === 'escalation' && x.currentTask.taskId !== exceptTaskId, 'an escalation task');
  return v.currentTask!;
}

describe('escalation to the boss (PLAYBOOK §4)', () => {
  it('organizational blocker: allowed, the rep tells the champion, then the manager calls with a briefing; meeting booked', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const { enrolled: [e], tuesday } = await throughNotes(s, [s.prospectId]);
    await h.advanceTo(iso(at(tuesday, '09:16')));
    const call = await openTaskOf(h, e!, 'announced-call');
    expect(local(call.dueAt, PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 09:15 (Tue)`);

    const note = 'Marie wants it, but her CFO has never heard of the project and she will not raise it';
    const blocked = await complete(h, s, call.taskId, { outcome: 'blocker', blockerKind: 'champion_lacks_authority', note });
    expect(blocked.status).toBe(200);
    expect(blocked.body.task).toMatchObject({ status: 'done', outcome: { outcome: 'blocker', blockerKind: 'champion_lacks_authority', note } });
    expect(blocked.body.enrollmentStatus).toBe('active');
    expect(blocked.body.next?.stepId).toBe('escalation');
    expect(local(blocked.body.next!.dueAt, PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 09:16 (Tue)`);

    // The guard's decision is recorded: allowed, with the manager who will call.
    const tell = await escalationTask(e!);
    const rows = await h.db.db.select().from(escalations).where(eq(escalations.enrollmentId, e!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      decision: 'allowed',
      blockerKind: 'champion_lacks_authority',
      repId: s.repId,
      managerId: s.managerId,
      accountId: s.accountId,
      prospectId: s.prospectId,
      stepKey: 'escalation#1',
      reason: 'the champion lacks the political weight to carry the project upwards',
    });
    const evs = await eventRows(h, e!.id);
    const requested = evs.filter((x) => x.type === 'escalation.requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]!.payload).toMatchObject({ escalationId: rows[0]!.id, blockerKind: 'champion_lacks_authority' });
    expect(evs.map((x) => x.type)).not.toContain('escalation.refused');

    // Transparency first: the REP's task to tell the champion, the manager has nothing yet.
    const repQueue = await queueOf(h, s, s.repId);
    const tellTask = repQueue.find((t) => t.id === tell.taskId)!;
    expect(tellTask).toMatchObject({ kind: 'tell_champion', repId: s.repId, stepKey: 'escalation#1:tell-champion' });
    expect(tell.allowedOutcomes).toEqual(['done']);
    expect(await queueOf(h, s, s.managerId)).toEqual([]);

    const briefing = tellTask.prep.briefing;
    expect(briefing.prospect).toEqual({ name: 'Marie Curie', title: 'VP Sales', account: 'Globex' });
    expect(briefing.stakes).toEqual({ context: 'your Series B', pretext: 'We helped Initech cut rep ramp-up by 30%.' });
    expect(briefing.blockers).toEqual([
      { kind: 'champion_lacks_authority', description: 'the champion lacks the political weight to carry the project upwards', note },
    ]);
    expect(briefing.toUnlock).toBe('sponsorship from a level that can carry the project');
    expect(briefing.approach).toMatch(/collegial/i);
    // The timeline of earlier touches: the note done, the 08:00 email announcing 09:15, the call with its blocker.
    const timeline = briefing.timeline as Array<{ at: string; type: string; summary: string }>;
    expect(timeline.map((x) => x.type)).toEqual(['task.completed', 'email.sent', 'task.completed', 'call.logged']);
    expect(timeline[1]!.summary).toBe(`email announcing a call at ${call.dueAt}`);
    expect(timeline[3]!.summary).toBe(`call: blocker (${note})`);
    // The same briefing is stored on the escalation row.
    expect(rows[0]!.briefing).toEqual(briefing);

    // Champion told: the MANAGER's call opens, in the manager's own queue, with the same briefing.
    const told = await complete(h, s, tell.taskId, { outcome: 'done' });
    expect(told.status).toBe(200);
    expect(told.body.task.status).toBe('done');
    expect(told.body.next?.stepId).toBe('escalation');
    const managerCall = await escalationTask(e!, tell.taskId);
    const mq = await queueOf(h, s, s.managerId);
    expect(mq).toHaveLength(1);
    expect(mq[0]).toMatchObject({ id: managerCall.taskId, kind: 'escalation_call', repId: s.managerId, enrollmentId: e!.id, stepKey: 'escalation#1:manager-call' });
    expect(mq[0]!.prep.briefing).toEqual(briefing);
    expect((await queueOf(h, s, s.repId)).map((t) => t.id)).not.toContain(managerCall.taskId);
    const [managerRow] = await h.db.db.select().from(tasks).where(eq(tasks.id, managerCall.taskId));
    expect(managerRow!.repId).toBe(s.managerId);

    // The collegial call books the meeting: the cadence ends.
    const booked = await complete(h, s, managerCall.taskId, { outcome: 'meeting_booked', note: 'Their CFO sponsors a pilot' });
    expect(booked.status).toBe(200);
    expect(booked.body.enrollmentStatus).toBe('completed');
    expect(booked.body.next).toBeNull();
    expect(await resultOf(h, e!)).toMatchObject({ status: 'completed', reason: 'meeting_booked' });
    expect(local(new Date(await h.now()).toISOString(), PARIS)).toMatch(new RegExp(`^${tuesday.toFormat('yyyy-MM-dd')} 09:1`)); // time did not jump
    const [row] = await h.db.db.select().from(enrollments).where(eq(enrollments.id, e!.id));
    expect(row).toMatchObject({ status: 'completed', stopReason: 'meeting_booked' });
    const all = await taskRows(h, e!.id);
    expect(all.map((t) => [t.kind, t.repId, t.status, (t.outcome as { outcome?: string } | null)?.outcome])).toEqual([
      ['linkedin_note', s.repId, 'done', 'done'],
      ['call', s.repId, 'done', 'blocker'],
      ['tell_champion', s.repId, 'done', 'done'],
      ['escalation_call', s.managerId, 'done', 'meeting_booked'],
    ]);
    const types = (await eventRows(h, e!.id)).map((x) => x.type);
    expect(types).toEqual(expect.arrayContaining(['blocker.found', 'escalation.requested', 'meeting.booked', 'enrollment.completed']));
  });

  it('budget blocker: refused as not organizational, back to the objection, no manager task', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const { enrolled: [e], tuesday } = await throughNotes(s, [s.prospectId]);
    await h.advanceTo(iso(at(tuesday, '09:17')));
    const call = await openTaskOf(h, e!, 'announced-call');
    const note = 'No budget before the next fiscal year';
    const blocked = await complete(h, s, call.taskId, { outcome: 'blocker', blockerKind: 'budget', note });
    expect(blocked.status).toBe(200);
    expect(blocked.body.next?.stepId).toBe('escalation');

    const objection = await escalationTask(e!);
    const rows = await h.db.db.select().from(escalations).where(eq(escalations.enrollmentId, e!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decision: 'refused', blockerKind: 'budget', repId: s.repId, briefing: null });
    expect(rows[0]!.reason).toMatch(/^not an organizational blocker \(a real budget problem\)/);
    const evs = await eventRows(h, e!.id);
    const refused = evs.filter((x) => x.type === 'escalation.refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.payload).toMatchObject({ blockerKind: 'budget', reason: rows[0]!.reason });
    expect(evs.map((x) => x.type)).not.toContain('escalation.requested');

    // The rep works the objection, with the reason the escalation was refused.
    const rq = await queueOf(h, s, s.repId);
    const task = rq.find((t) => t.id === objection.taskId)!;
    expect(task).toMatchObject({ kind: 'objection_handling', repId: s.repId, stepKey: 'escalation#1:objection' });
    expect(task.prep.escalationRefused).toBe(rows[0]!.reason);
    expect(task.prep.blocker).toEqual({ kind: 'budget', note });
    expect(task.prep.briefing).toBeUndefined();
    expect(await queueOf(h, s, s.managerId)).toEqual([]);

    const worked = await complete(h, s, objection.taskId, { outcome: 'done', note: 'Sent the ROI case; revisit in Q1' });
    expect(worked.status).toBe(200);
    expect(worked.body.enrollmentStatus).toBe('completed');
    expect(worked.body.next).toBeNull();
    expect(await resultOf(h, e!)).toMatchObject({ status: 'completed', reason: 'completed' });

    // Never a manager task, never a tell-the-champion task.
    expect(await h.db.db.select().from(tasks).where(and(eq(tasks.workspaceId, s.workspaceId), eq(tasks.repId, s.managerId)))).toEqual([]);
    expect((await taskRows(h, e!.id)).map((t) => t.kind)).toEqual(['linkedin_note', 'call', 'objection_handling']);
  });

  it('quota per account: a second organizational escalation at the same account is refused', async () => {
    const s = await seed(h, { timeZone: PARIS });
    const policy = await h.api<{ escalationPolicy: Record<string, unknown> }>('PUT', `/v1/escalation-policy`, { perAccount: 1 });
    expect(policy.status).toBe(200);
    expect(policy.body.escalationPolicy).toMatchObject({ perAccount: 1 });
    const other = await addProspectAt(h, s, 'pierre@globex.test', { timeZone: PARIS, firstName: 'Pierre', lastName: 'Curie', account: { name: 'Globex', domain: 'globex.test' } });
    expect(other.accountId).toBe(s.accountId);

    const { enrolled: [e1, e2], tuesday } = await throughNotes(s, [s.prospectId, other.id]);
    await h.advanceTo(iso(at(tuesday, '09:21')));
    const call1 = await openTaskOf(h, e1!, 'announced-call');
    const call2 = await openTaskOf(h, e2!, 'announced-call');

    const first = await complete(h, s, call1.taskId, { outcome: 'blocker', blockerKind: 'no_consensus', note: 'Marketing and IT disagree' });
    expect(first.body.next?.stepId).toBe('escalation');
    const tell = await escalationTask(e1!);
    const second = await complete(h, s, call2.taskId, { outcome: 'blocker', blockerKind: 'urgency_not_perceived', note: 'Not that urgent, says Pierre' });
    expect(second.body.next?.stepId).toBe('escalation');
    const objection = await escalationTask(e2!);

    const rows = await h.db.db.select().from(escalations).where(eq(escalations.workspaceId, s.workspaceId));
    const byEnrollment = new Map(rows.map((r) => [r.enrollmentId, r]));
    expect(rows).toHaveLength(2);
    expect(byEnrollment.get(e1!.id)).toMatchObject({ decision: 'allowed', accountId: s.accountId, blockerKind: 'no_consensus' });
    expect(byEnrollment.get(e2!.id)).toMatchObject({ decision: 'refused', accountId: s.accountId, blockerKind: 'urgency_not_perceived', briefing: null });
    expect(byEnrollment.get(e2!.id)!.reason).toMatch(/^account quota reached \(1\/1 in 90 days\)/);
    expect((await eventRows(h, e2!.id)).map((x) => x.type)).toContain('escalation.refused');

    const rq = await queueOf(h, s, s.repId);
    expect(rq.find((t) => t.id === tell.taskId)?.kind).toBe('tell_champion');
    const refusedTask = rq.find((t) => t.id === objection.taskId)!;
    expect(refusedTask.kind).toBe('objection_handling');
    expect(refusedTask.prep.escalationRefused).toBe(byEnrollment.get(e2!.id)!.reason);

    // Only the allowed escalation ever reaches the manager.
    await complete(h, s, tell.taskId, { outcome: 'done' });
    const managerCall = await escalationTask(e1!, tell.taskId);
    const mq = await queueOf(h, s, s.managerId);
    expect(mq.map((t) => [t.id, t.kind, t.enrollmentId])).toEqual([[managerCall.taskId, 'escalation_call', e1!.id]]);

    for (const e of [e1!, e2!]) expect(await stopEnrollment(h, s, e)).toMatchObject({ status: 'stopped' });
    expect(await queueOf(h, s, s.managerId)).toEqual([]);
  });

  it('quota per account holds when two reps hit blockers at the same account at the same instant', async () => {
    // Two reps (same manager), four accounts with one prospect per rep each: eight blockers logged
    // concurrently. Each account must get exactly one escalation, whoever logs first.
    const s = await seed(h, { timeZone: PARIS });
    const policy = await h.api('PUT', `/v1/escalation-policy`, { perAccount: 1, perRep: 100 });
    expect(policy.status).toBe(200);
    const rep2 = await h.api<{ id: string }>('POST', `/v1/users`, { email: 'kim@acme.test', name: 'Kim Rep', managerId: s.managerId });
    expect(rep2.status).toBe(201);
    const monday = await nextMonday();
    await h.advanceTo(iso(at(monday, '11:00')));
    const pairs: Array<{ accountId: string; e: Enrolled; taskId: string }> = [];
    for (const n of [1, 2, 3, 4]) {
      for (const repId of [s.repId, rep2.body.id]) {
        const p = await addProspectAt(h, s, `c${n}-${repId.slice(0, 8)}@account${n}.test`, { timeZone: PARIS, account: { name: `Account ${n}`, domain: `account${n}.test` } });
        const res = await h.api<Enrolled>('POST', `/v1/enrollments`, { prospectId: p.id, sequenceId: s.sequences['expected-callback'], repId, context: 'pricing for 50 seats' });
        expect(res.status).toBe(201);
        const t = await openTaskOf(h, res.body, 'inbound-call');
        pairs.push({ accountId: p.accountId!, e: res.body, taskId: t.taskId });
      }
    }
    const done = await Promise.all(pairs.map((x) => complete(h, s, x.taskId, { outcome: 'blocker', blockerKind: 'no_consensus' })));
    expect(done.map((d) => d.status)).toEqual(pairs.map(() => 200));
    await Promise.all(pairs.map((x) => escalationTask(x.e)));

    const rows = await h.db.db.select().from(escalations).where(eq(escalations.workspaceId, s.workspaceId));
    expect(rows).toHaveLength(8);
    const perAccount = new Map<string, string[]>();
    for (const r of rows) perAccount.set(r.accountId!, [...(perAccount.get(r.accountId!) ?? []), r.decision].sort());
    expect([...perAccount.values()]).toEqual([1, 2, 3, 4].map(() => ['allowed', 'refused']));
    for (const x of pairs) await stopEnrollment(h, s, x.e);
  });
});
